package io.hingekit.lifecycle;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import io.hingekit.calibration.Calibrator;
import io.hingekit.config.DataConfig;
import io.hingekit.files.AtomicFiles;
import io.hingekit.inference.InputRows;
import io.hingekit.inference.Scorer;
import io.hingekit.metrics.MarginReport;
import io.hingekit.metrics.SplitEvaluator;
import io.hingekit.model.ModelDirectory;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Scores a file of raw rows with a trained classifier, streaming it in batches: per row the predicted class, the raw
 * scores, the label-free gap, calibrated probabilities on request, and where the input has labels the signed margin,
 * hinge loss and violation flag, plus the margin report of the whole file. The output is written to a temporary file
 * and renamed, so a bad row (named with its file and line) leaves no partial output.
 */
public final class ScoreService {

    /**
     * What to score.
     *
     * @param model the model directory
     * @param input the input file (.csv, .npy or IDX)
     * @param labels labels of an IDX or .npy input (may be null)
     * @param out the output (.csv or .jsonl); null writes CSV to {@code stdout}
     * @param probabilities whether to add calibrated probabilities ({@code calibration.json} required)
     * @param batchSize rows per batch
     * @param device the device
     */
    public record Request(Path model, Path input, Path labels, Path out, boolean probabilities, int batchSize,
            Device device) {}

    /**
     * What scoring produced.
     *
     * @param rows rows scored
     * @param report the margin report of the file (null without labels)
     * @param classNames the model's classes
     * @param seconds wall time
     */
    public record Result(long rows, MarginReport report, List<String> classNames, double seconds) {}

    /**
     * Scores the input.
     *
     * @param request what to score
     * @param stdout where to write when {@code request.out()} is null
     * @return the summary
     * @throws IOException when a file cannot be read or written
     */
    public Result score(Request request, OutputStream stdout) throws IOException {
        long started = System.nanoTime();
        try (Scorer scorer = Scorer.open(request.model(), request.device());
                InputRows input = InputRows.open(request.input(), request.labels(), labelColumn(scorer),
                        scorer.classNames(), scorer.featureCount());
                NDManager manager = NDManager.newBaseManager(request.device())) {
            Calibrator calibrator = request.probabilities() ? calibrator(request.model()) : null;
            ScoreTable table = ScoreTable.of(request.out(), scorer.classNames(), scorer.task().classScoreCount(),
                    input.hasLabels(), calibrator != null);
            long[] rows = {0};
            try (SplitEvaluator accumulator = scorer.task().evaluator(manager)) {
                AtomicFiles.Writer body = out -> {
                    Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
                    table.header(writer);
                    for (InputRows.Batch batch = input.next(request.batchSize()); batch != null;
                            batch = input.next(request.batchSize())) {
                        rows[0] += batch.rows();
                        scoreBatch(scorer, manager, batch, calibrator, table, writer, accumulator);
                    }
                    writer.flush();
                };
                if (request.out() == null) {
                    body.write(stdout);
                } else {
                    AtomicFiles.write(request.out(), body);
                }
                if (rows[0] == 0) {
                    throw new IllegalArgumentException(request.input() + " has no rows to score");
                }
                MarginReport report = input.hasLabels() ? accumulator.finish().margins() : null;
                return new Result(rows[0], report, scorer.classNames(), (System.nanoTime() - started) / 1e9);
            }
        }
    }

    private static void scoreBatch(Scorer scorer, NDManager parent, InputRows.Batch batch, Calibrator calibrator,
            ScoreTable table, Writer writer, SplitEvaluator accumulator) throws IOException {
        try (NDManager manager = parent.newSubManager()) {
            Scorer.RowScores scored = scorer.score(manager, batch);
            if (scored.labels() != null) {
                accumulator.add(scored.labels(), scored.predictions(), null);
            }
            double[][] probabilities = calibrator == null ? null
                    : calibrator.probabilities(rowsOf(scored.scores(), batch.rows()));
            table.rows(writer, batch, scored.scores(), scored.predicted(), scored.gaps(), probabilities,
                    scored.margins(), scored.losses());
        }
    }

    private static double[][] rowsOf(float[] flat, int rows) {
        int width = flat.length / rows;
        double[][] out = new double[rows][width];
        for (int i = 0; i < flat.length; i++) {
            out[i / width][i % width] = flat[i];
        }
        return out;
    }

    private static Calibrator calibrator(Path modelDir) throws IOException {
        ModelDirectory dir = new ModelDirectory(modelDir);
        Calibrator calibrator = dir.savedCalibrator();
        if (calibrator == null) {
            throw new IllegalArgumentException("--probabilities needs " + dir.calibration() + ": run hingekit "
                    + "calibrate --model " + modelDir + " first");
        }
        return calibrator;
    }

    private static String labelColumn(Scorer scorer) {
        DataConfig.CsvConfig csv = scorer.model().config().data().csv();
        return csv != null && csv.labelColumn() != null ? csv.labelColumn() : "label";
    }
}
