package io.hingekit.lifecycle;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import io.hingekit.config.RunConfig;
import io.hingekit.config.RunConfigs;
import io.hingekit.metrics.MarginAccumulator;
import io.hingekit.metrics.MarginReport;
import io.hingekit.model.ModelDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The margin report of a classifier on a split of its data, walked as training evaluated it. */
public final class ReportService {

    /**
     * A split's report.
     *
     * @param split the split
     * @param report the margin report
     * @param train the train split's report, for the train-validation gap (null unless the split is validation)
     * @param classNames the model's class names
     */
    public record Result(String split, MarginReport report, MarginReport train, List<String> classNames) {}

    /**
     * Computes a split's report.
     *
     * @param model the model directory
     * @param split {@code train}, {@code validation} or {@code test}
     * @param dataDir a Fashion-MNIST directory overriding the config's (may be null)
     * @param device the device
     * @return the report
     * @throws IOException when files cannot be read
     */
    public Result report(Path model, String split, Path dataDir, Device device) throws IOException {
        try (ModelData data = ModelData.open(model, dataDir, device)) {
            MarginReport report = data.report(split);
            MarginReport train = split.equals("validation") ? data.report("train") : null;
            return new Result(split, report, train, data.scorer().classNames());
        }
    }

    /**
     * The report of a file that {@code score} wrote from labelled rows: the same figures from its columns (label,
     * predicted, margin, hinge_loss); accuracy counts predicted == label.
     *
     * @param model the model that scored the file (its classes, margin and tail threshold)
     * @param scores the scores file
     * @return the report
     * @throws IOException when a file cannot be read
     */
    public Result reportOfScores(Path model, Path scores) throws IOException {
        MarginSample sample = MarginSample.scores(scores);
        if (sample.losses() == null) {
            throw new IllegalArgumentException(scores + " has no labels (columns label, margin, hinge_loss): score a"
                    + " labelled input to get its report");
        }
        RunConfig config = RunConfigs.read(new ModelDirectory(model).requireTrained().config());
        List<String> classNames = new ModelDirectory(model).readInfo().classNames();
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NDArray label = manager.create(sample.labels());
            NDArray guess = manager.create(sample.predicted());
            MarginReport report = MarginAccumulator.summarize(floats(manager, sample.losses()),
                    floats(manager, sample.margins()), label, guess, guess.eq(label).toType(DataType.FLOAT32, false),
                    classNames.size(), config.training().tailThreshold(), config.loss().margin());
            return new Result(scores.toString(), report, null, classNames);
        }
    }

    private static NDArray floats(NDManager manager, double[] values) {
        return manager.create(values).toType(DataType.FLOAT32, false);
    }
}
