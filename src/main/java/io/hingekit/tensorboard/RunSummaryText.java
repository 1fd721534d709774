package io.hingekit.tensorboard;

import java.util.Locale;

/** Renders a {@link RunSummary} as a plain-text report: one line per tag, small bar charts for histograms. */
final class RunSummaryText {

    private static final int BAR_WIDTH = 30;
    private static final String TAG_LINE = "%-40s %-11s %7d  %8d..%-8d %s%n";

    private RunSummaryText() {}

    static String render(RunSummary summary) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "run %s: %d event file(s), %d events%n", summary.runDir(),
                summary.files().size(), summary.events()));
        if (!summary.sessionStarts().isEmpty()) {
            out.append("restarts (SessionLog START) at steps ").append(summary.sessionStarts()).append('\n');
        }
        if (summary.hyperparameters() != null) {
            out.append("hyperparameters:");
            summary.hyperparameters().forEach((name, value) -> out.append(' ').append(name).append('=').append(value));
            out.append('\n');
        }
        summary.problems().forEach(problem -> out.append("PROBLEM ").append(problem).append('\n'));
        out.append(String.format(Locale.ROOT, "%-40s %-11s %7s  %18s %s%n", "TAG", "PLUGIN", "COUNT", "STEPS", "LAST"));
        for (TagSummary tag : summary.tags()) {
            out.append(String.format(Locale.ROOT, TAG_LINE, tag.tag(), tag.plugin(), tag.count(), tag.firstStep(),
                    tag.lastStep(), last(tag)));
            if (tag.lastHistogram() != null) {
                appendBars(out, tag.lastHistogram());
            }
        }
        return out.toString();
    }

    private static String last(TagSummary tag) {
        if (tag.lastValue() != null) {
            return String.format(Locale.ROOT, "%.6g", tag.lastValue());
        }
        if (tag.lastHistogram() != null) {
            HistogramSketch h = tag.lastHistogram();
            return String.format(Locale.ROOT, "n=%.0f min=%.4g max=%.4g mean=%.4g", h.count(), h.min(), h.max(),
                    h.mean());
        }
        return tag.lastDetail();
    }

    private static void appendBars(StringBuilder out, HistogramSketch sketch) {
        double largest = sketch.bins().stream().mapToDouble(HistogramSketch.Bin::count).max().orElse(0);
        for (HistogramSketch.Bin bin : sketch.bins()) {
            int width = largest > 0 ? (int) Math.round(BAR_WIDTH * bin.count() / largest) : 0;
            out.append(String.format(Locale.ROOT, "    [%11.4g, %11.4g) %9.0f %s%n", bin.left(), bin.right(),
                    bin.count(), "#".repeat(width)));
        }
    }

}
