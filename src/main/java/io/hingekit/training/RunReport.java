package io.hingekit.training;

import io.hingekit.config.RunConfig;
import io.hingekit.metrics.MarginReport;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a finished training run reports: its final metrics, the selected model's margin reports, and the validation
 * predictions for PR curves and the drift reference.
 *
 * @param finalMetrics final metrics by name (for example {@code test/accuracy}, {@code validation/loss})
 * @param reports margin reports of the selected model by split (train, validation, test; empty for embedding runs)
 * @param validationLabels labels of the validation samples (null for embedding runs)
 * @param validationScores scores of the validation samples, [sample][class] (null for embedding runs)
 * @param referenceMargins the validation samples' label, prediction, signed margin and gap (null for embedding runs)
 * @param config the run's resolved config
 * @param modelDir the model directory written
 */
public record RunReport(Map<String, Double> finalMetrics, Map<String, MarginReport> reports, int[] validationLabels,
        float[][] validationScores, float[][] referenceMargins, RunConfig config, Path modelDir) {

    /** Returns the same report naming another model directory (where the run's files ended up). */
    public RunReport withModelDir(Path dir) {
        return new RunReport(finalMetrics, reports, validationLabels, validationScores, referenceMargins, config, dir);
    }
}
