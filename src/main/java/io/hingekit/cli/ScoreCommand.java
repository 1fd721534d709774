package io.hingekit.cli;

import io.hingekit.files.AtomicFiles;
import io.hingekit.lifecycle.ScoreService;
import io.hingekit.model.DeviceSelector;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hingekit score}: scores a file of raw rows with a trained classifier. */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Score rows (CSV, .npy or IDX) with a classifier: class, scores, gap; with labels also the"
                + " signed margin, hinge loss, violation flag and the file's margin report.")
public final class ScoreCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, description = "model directory")
    private Path model;

    @Option(names = "--input", required = true, description = "rows to score: .csv, .npy or *-idx3-ubyte[.gz]")
    private Path input;

    @Option(names = "--labels", description = "labels of an IDX (idx1-ubyte) or .npy input")
    private Path labels;

    @Option(names = "--out", description = "output .csv or .jsonl (default: CSV on standard output)")
    private Path out;

    @Option(names = "--probabilities", description = "add calibrated probabilities (run calibrate first)")
    private boolean probabilities;

    @Option(names = "--batch-size", defaultValue = "256", description = "rows per batch (default: ${DEFAULT-VALUE})")
    private int batchSize;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu, gpu or gpu:N")
    private String device;

    @Option(names = "--report", description = "write the margin report of a labelled input here as JSON")
    private Path report;

    @Spec
    private CommandSpec spec;

    /** Creates the command; picocli fills in the options. */
    public ScoreCommand() {}

    @Override
    public Integer call() throws Exception {
        if (batchSize < 1) {
            throw new IllegalArgumentException("--batch-size must be > 0, got " + batchSize);
        }
        ScoreService.Result result = new ScoreService().score(new ScoreService.Request(model, input, labels, out,
                probabilities, batchSize, DeviceSelector.resolve(device)[0]), System.out);
        if (out == null) {
            return 0; // standard output carries the rows alone
        }
        PrintWriter console = spec.commandLine().getOut();
        console.printf("scored %d rows in %.1fs -> %s%n", result.rows(), result.seconds(), out);
        if (result.report() != null) {
            console.print(MarginReportText.render("margin report of " + input, result.report(),
                    result.classNames(), null));
            if (report != null) {
                AtomicFiles.writeJson(report, result.report().toMap(result.classNames()));
            }
        }
        console.flush();
        return 0;
    }
}
