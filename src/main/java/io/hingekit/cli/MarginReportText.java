package io.hingekit.cli;

import io.hingekit.metrics.MarginReport;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Renders a margin report for people: the headline figures, a per-class table and a text histogram of margins. */
final class MarginReportText {

    private static final int BINS = 12;
    private static final int BAR = 40;

    private MarginReportText() {}

    static String render(String title, MarginReport r, List<String> classNames, Double gap) {
        StringBuilder out = new StringBuilder();
        out.append(title).append('\n');
        out.append(String.format(Locale.ROOT, "  samples %d | accuracy %.4f | mean hinge %.4f | violation rate %.4f"
                + " | tail ratio (loss > %.2f) %.4f%n", r.count(), r.accuracy(), r.meanLoss(), r.violationRate(),
                r.tailThreshold(), r.tailRatio()));
        out.append(String.format(Locale.ROOT, "  loss   P50 %.4f  P95 %.4f  P99 %.4f%n", r.lossQuantiles()[0],
                r.lossQuantiles()[1], r.lossQuantiles()[2]));
        out.append(String.format(Locale.ROOT, "  margin P50 %.4f  P95 %.4f  P99 %.4f | support vectors (margin <= %.2f)"
                + " %d%n", r.marginQuantiles()[0], r.marginQuantiles()[1], r.marginQuantiles()[2], r.margin(),
                r.supportVectors()));
        if (gap != null) {
            out.append(String.format(Locale.ROOT, "  train-validation hinge gap %.4f%n", gap));
        }
        out.append(String.format(Locale.ROOT, "%n  %-16s %8s %10s %10s%n", "class", "count", "hinge", "violation"));
        for (int c = 0; c < r.classCounts().length; c++) {
            out.append(String.format(Locale.ROOT, "  %-16s %8d %10.4f %10.4f%n", name(classNames, c),
                    r.classCounts()[c], r.perClassLoss()[c], r.perClassViolationRate()[c]));
        }
        out.append("\n  signed margins (| = margin)\n");
        histogram(out, r.signedMargins(), r.margin());
        out.append("\n  confusion (rows: true, columns: predicted)\n");
        for (int c = 0; c < r.confusion().length; c++) {
            out.append(String.format(Locale.ROOT, "  %-16s", name(classNames, c)));
            for (long count : r.confusion()[c]) {
                out.append(String.format(Locale.ROOT, " %6d", count));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String name(List<String> classNames, int c) {
        return c < classNames.size() ? classNames.get(c) : String.valueOf(c);
    }

    private static void histogram(StringBuilder out, float[] values, double margin) {
        float low = Float.POSITIVE_INFINITY;
        float high = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            low = Math.min(low, v);
            high = Math.max(high, v);
        }
        if (!(high > low)) {
            out.append(String.format(Locale.ROOT, "  all %d at %.4f%n", values.length, low));
            return;
        }
        int[] counts = new int[BINS];
        double width = (high - low) / (double) BINS;
        for (float v : values) {
            counts[Math.min(BINS - 1, (int) ((v - low) / width))]++;
        }
        int most = Arrays.stream(counts).max().orElse(1);
        for (int b = 0; b < BINS; b++) {
            double from = low + b * width;
            boolean holdsMargin = margin >= from && margin < from + width;
            out.append(String.format(Locale.ROOT, "  %9.3f %s %-" + BAR + "s %d%n", from, holdsMargin ? "|" : " ",
                    "#".repeat((int) Math.round((double) counts[b] * BAR / most)), counts[b]));
        }
    }
}
