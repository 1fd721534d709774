package io.hingekit.training;

import io.hingekit.metrics.MarginReport;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Prints one summary line per epoch (train and validation hinge loss, accuracy and margin violation rate) and a line
 * when a run resumes or stops early: the training run's only console output besides DJL's progress bar.
 */
public final class ConsoleListener implements RunListener {

    /** The extra scalars worth a place on the line (embedding runs); the rest go to metrics.json and TensorBoard. */
    private static final List<String> CONSOLE_SCALARS = List.of(
            "train/loss", "validation/loss", "test/precision_at_1", "test/map_at_r");

    private final PrintStream out;
    private final int epochs;

    /**
     * Creates the listener.
     *
     * @param out where to print
     * @param epochs the run's number of epochs (for "epoch 3/10")
     */
    public ConsoleListener(PrintStream out, int epochs) {
        this.out = out;
        this.epochs = epochs;
    }

    @Override
    public void onResume(Path checkpoint, int epoch, long step) {
        out.printf("resumed from %s (epoch %d, step %d)%n", checkpoint, epoch + 1, step);
    }

    @Override
    public void onEpochEnd(EpochReport epoch) {
        StringBuilder line = new StringBuilder(String.format("epoch %d/%d", epoch.epoch() + 1, epochs));
        append(line, "train", epoch.train());
        append(line, "val", epoch.validation());
        for (String name : CONSOLE_SCALARS) {
            Double value = epoch.scalars().get(name);
            if (value != null) {
                line.append(String.format(" | %s %.4f", name, value));
            }
        }
        line.append(String.format(" | lr %.2g | %.2fs", epoch.learningRate(), epoch.seconds()));
        out.println(line);
    }

    @Override
    public void onEarlyStop(String criterion, int patience, int bestEpoch) {
        out.printf("early stopping: no better validation %s for %d epochs (best: epoch %d)%n",
                criterion, patience, bestEpoch + 1);
    }

    private static void append(StringBuilder line, String split, MarginReport report) {
        if (report != null) {
            line.append(String.format(" | %s loss %.4f acc %.4f viol %.4f",
                    split, report.meanLoss(), report.accuracy(), report.violationRate()));
        }
    }
}
