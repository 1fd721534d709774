package io.hingekit.lifecycle;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import io.hingekit.config.RunConfig;
import io.hingekit.data.DataSplits;
import io.hingekit.data.DatasetLoader;
import io.hingekit.data.LabeledData;
import io.hingekit.inference.Scorer;
import io.hingekit.metrics.MarginReport;
import io.hingekit.metrics.ScoreHead;
import io.hingekit.metrics.SplitEvaluator;
import io.hingekit.task.ClassifierTask;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * A trained classifier together with the splits of its own data (the config's source, the same seeded validation
 * split, the saved feature scaling), walked in the batches training evaluated them in: what {@code report},
 * {@code gate}, {@code calibrate} and {@code drift} read when no scored file is given.
 */
final class ModelData implements AutoCloseable {

    private final Scorer scorer;
    private final NDManager manager;
    private final DataSplits splits;

    private ModelData(Scorer scorer, NDManager manager, DataSplits splits) {
        this.scorer = scorer;
        this.manager = manager;
        this.splits = splits;
    }

    /**
     * Loads the model and its data.
     *
     * @param model the model directory
     * @param dataDir a Fashion-MNIST directory overriding the config's (may be null)
     * @param device the device
     * @return the model and data
     * @throws IOException when files cannot be read
     */
    static ModelData open(Path model, Path dataDir, Device device) throws IOException {
        Scorer scorer = Scorer.open(model, device);
        NDManager manager = NDManager.newBaseManager(device);
        try {
            RunConfig config = scorer.model().config();
            DataSplits splits = new DatasetLoader(DatasetLoader.defaultCacheDir())
                    .load(config.data(), dataDir, config.seed(), manager, scorer.scaler());
            return new ModelData(scorer, manager, splits);
        } catch (IOException | RuntimeException e) {
            manager.close();
            scorer.close();
            throw e;
        }
    }

    /** Returns the scorer. */
    Scorer scorer() {
        return scorer;
    }

    /**
     * Computes the margin report of a split.
     *
     * @param split {@code train}, {@code validation} or {@code test}
     * @return the report
     * @throws IOException when the data cannot be iterated
     */
    MarginReport report(String split) throws IOException {
        try (SplitEvaluator evaluator = scorer.task().evaluator(manager)) {
            walk(split, (labels, predictions) -> evaluator.add(labels, predictions, null));
            return evaluator.finish().margins();
        }
    }

    /**
     * Collects the hinge scores and margin rows of a split on the host.
     *
     * @param split {@code train}, {@code validation} or {@code test}
     * @return the split's scores
     * @throws IOException when the data cannot be iterated
     */
    SplitScores scores(String split) throws IOException {
        ClassifierTask task = scorer.task();
        ScoreHead head = task.head();
        List<float[]> scores = new ArrayList<>();
        List<float[]> margins = new ArrayList<>();
        walk(split, (labels, predictions) -> {
            scores.add(head.classScores(predictions).toFloatArray());
            margins.add(task.marginRows(labels, predictions).toFloatArray());
        });
        return SplitScores.of(scores, margins, task.classScoreCount());
    }

    private void walk(String split, BiConsumer<NDArray, NDList> consumer)
            throws IOException {
        LabeledData data = splits.split(split);
        data.inBatches(scorer.model().config().training().batchSize(), manager,
                (labels, features) -> consumer.accept(labels, scorer.predictScaled(features.head())));
    }

    @Override
    public void close() {
        manager.close();
        scorer.close();
    }
}
