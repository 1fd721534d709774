package io.hingekit.tensorboard;

import io.hingekit.tensorboard.proto.HistogramProto;
import java.util.ArrayList;
import java.util.List;

/**
 * A coarse view of a histogram for reports: its statistics and its counts regrouped into a few equal-width bins
 * between min and max (each stored bucket's count goes to the bin holding the middle of its part inside
 * [min, max]).
 *
 * @param count number of values
 * @param min smallest value
 * @param max largest value
 * @param mean mean value
 * @param bins the regrouped counts, left to right
 */
public record HistogramSketch(double count, double min, double max, double mean, List<Bin> bins) {

    /** Default number of bins in a sketch. */
    public static final int DEFAULT_BINS = 8;

    /**
     * One bin of a sketch.
     *
     * @param left left edge
     * @param right right edge
     * @param count values counted in it
     */
    public record Bin(double left, double right, double count) {}

    /**
     * Sketches a stored histogram.
     *
     * @param histogram the histogram
     * @param binCount number of bins, at least 1
     * @return the sketch (no bins when the histogram is empty)
     */
    public static HistogramSketch of(HistogramProto histogram, int binCount) {
        double num = histogram.getNum();
        double min = histogram.getMin();
        double max = histogram.getMax();
        double mean = num > 0 ? histogram.getSum() / num : 0;
        if (num <= 0) {
            return new HistogramSketch(num, min, max, mean, List.of());
        }
        double width = (max - min) / binCount;
        double[] counts = new double[binCount];
        double left = -Double.MAX_VALUE;
        for (int i = 0; i < histogram.getBucketCount(); i++) {
            double right = histogram.getBucketLimit(i);
            double middle = (Math.max(left, min) + Math.min(right, max)) / 2;
            int bin = width > 0 ? (int) Math.floor((middle - min) / width) : 0;
            counts[Math.max(0, Math.min(binCount - 1, bin))] += histogram.getBucket(i);
            left = right;
        }
        List<Bin> bins = new ArrayList<>(binCount);
        for (int b = 0; b < binCount; b++) {
            bins.add(new Bin(min + b * width, b == binCount - 1 ? max : min + (b + 1) * width, counts[b]));
        }
        return new HistogramSketch(num, min, max, mean, bins);
    }
}
