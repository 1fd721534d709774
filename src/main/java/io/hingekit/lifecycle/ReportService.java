package io.hingekit.lifecycle;

import ai.djl.Device;
import io.hingekit.metrics.MarginReport;
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
}
