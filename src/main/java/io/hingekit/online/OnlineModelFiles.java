package io.hingekit.online;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.hingekit.config.RunConfig;
import io.hingekit.config.RunConfigs;
import io.hingekit.files.AtomicFiles;
import io.hingekit.model.ModelDirectory;
import io.hingekit.model.ModelInfo;
import io.hingekit.model.TrainedModel;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the weights learnt online as a normal model directory ({@link ModelDirectory}) of the {@code linear}
 * network the config describes, so that {@code score}, {@code report}, {@code export}, {@code gate} and
 * {@code serve} read it as they read a trained one: {@code model.params} (DJL parameters: the weight rows as the
 * linear layer's float32 weight, the biases as its bias, 0 without one), {@code model-info.json},
 * {@code metrics.json} (the progressive figures) and {@code config.yaml}, last. Each file is replaced atomically;
 * files that described earlier parameters (calibration, reliability diagram, gate verdict) are removed.
 */
final class OnlineModelFiles {

    private OnlineModelFiles() {}

    /**
     * Writes the model files.
     *
     * @param dir the model directory
     * @param config the run's config
     * @param schema the stream's classes and sample shape
     * @param weights the weights
     * @param figures the progressive figures, for {@code metrics.json}
     * @throws IOException when writing fails
     */
    static void write(ModelDirectory dir, RunConfig config, StreamSchema schema, LinearWeights weights,
            ProgressiveValidation.Figures figures) throws IOException {
        for (Path stale : List.of(dir.calibration(), dir.reliability(), dir.gate())) {
            Files.deleteIfExists(stale);
        }
        ModelInfo info = new ModelInfo(weights.scores(), schema.sampleShape(), schema.classNames());
        try (Model model = Model.newInstance(config.name(), Device.cpu())) {
            Block block = TrainedModel.initializedBlock(config, info, model);
            for (Pair<String, Parameter> parameter : block.getParameters()) {
                NDArray array = parameter.getValue().getArray();
                array.set(parameter.getValue().getType() == Parameter.Type.BIAS ? biases(weights) : matrix(weights));
            }
            AtomicFiles.write(dir.parameters(), out -> block.saveParameters(new DataOutputStream(out)));
        }
        AtomicFiles.writeJson(dir.metrics(), metrics(config, figures));
        AtomicFiles.writeJson(dir.info(), info);
        RunConfigs.write(config, dir.config());
    }

    /** The feature weights, row-major (scores x features), as the linear layer's weight. */
    private static float[] matrix(LinearWeights weights) {
        int d = weights.features();
        float[] flat = new float[weights.scores() * d];
        for (int r = 0; r < weights.scores(); r++) {
            double[] row = weights.row(r);
            for (int j = 0; j < d; j++) {
                flat[r * d + j] = (float) row[j];
            }
        }
        return flat;
    }

    private static float[] biases(LinearWeights weights) {
        float[] b = new float[weights.scores()];
        for (int r = 0; r < b.length && weights.hasBias(); r++) {
            b[r] = (float) weights.row(r)[weights.features()];
        }
        return b;
    }

    private static Map<String, Object> metrics(RunConfig config, ProgressiveValidation.Figures f) {
        Map<String, Object> online = new LinkedHashMap<>();
        online.put("algorithm", config.online().algorithm().word());
        online.put("examples", f.examples());
        online.put("accuracy", f.accuracy());
        online.put("hinge_loss", f.hingeLoss());
        online.put("violation_rate", f.violationRate());
        online.put("window_examples", f.windowExamples());
        online.put("window_accuracy", f.windowAccuracy());
        online.put("window_hinge_loss", f.windowHingeLoss());
        online.put("window_violation_rate", f.windowViolationRate());
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("run", config.name());
        metrics.put("progressive", online);
        return metrics;
    }
}
