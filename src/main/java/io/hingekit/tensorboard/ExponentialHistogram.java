package io.hingekit.tensorboard;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import io.hingekit.tensorboard.proto.HistogramProto;

/**
 * A histogram with TensorFlow's default buckets (the ones TensorBoard's histogram dashboard was built for), computed
 * with NDArray operations on the values' device.
 *
 * <p>The bucket limits are {@code -DBL_MAX, -v[n-1], ..., -v[0], 0, v[0], ..., v[n-1], DBL_MAX} with
 * {@code v[0] = 1e-12} and {@code v[k+1] = 1.1 * v[k]} while below {@code 1e20}; bucket {@code i} counts the values
 * in {@code [limit[i-1], limit[i])}. As TensorFlow encodes it, each run of empty buckets is collapsed into one entry
 * whose limit is the run's last limit. NaN and infinite values are left out and counted in
 * {@link #nonFiniteCount()}; {@code min}, {@code max}, {@code sum} and {@code sum_squares} cover the finite values.
 *
 * @param proto the encoded histogram
 * @param nonFiniteCount how many values were NaN or infinite
 */
public record ExponentialHistogram(HistogramProto proto, long nonFiniteCount) {

    /** The smallest positive bucket limit. */
    public static final double FIRST_LIMIT = 1e-12;

    /** Positive limits are generated while below this value. */
    public static final double LIMIT_CEILING = 1e20;

    /** Ratio of consecutive positive limits. */
    public static final double GROWTH = 1.1;

    private static final double[] LIMITS = defaultLimits();
    private static final int POSITIVE_LIMITS = (LIMITS.length - 3) / 2;
    /** Magnitudes are floored here before the logarithm; all below {@link #FIRST_LIMIT} share a bucket anyway. */
    private static final float TINY = 1e-30f;
    private static final double LOG_FIRST_LIMIT = Math.log(FIRST_LIMIT);
    private static final double LOG_GROWTH = Math.log(GROWTH);

    /**
     * Returns the default bucket limits (a copy).
     *
     * @return the limits, ascending, from {@code -Double.MAX_VALUE} to {@code Double.MAX_VALUE}
     */
    public static double[] bucketLimits() {
        return LIMITS.clone();
    }

    /**
     * Computes the histogram of an array of any shape on its device; only the per-bucket counts and four
     * statistics come back to the JVM.
     *
     * @param values the values (any floating or integer type; left unchanged)
     * @return the histogram
     */
    public static ExponentialHistogram of(NDArray values) {
        try (NDManager scope = values.getManager().newSubManager()) {
            NDArray flat = values.reshape(-1);
            flat.attach(scope);
            if (flat.getDataType() != DataType.FLOAT32 && flat.getDataType() != DataType.FLOAT64) {
                flat = flat.toType(DataType.FLOAT64, false);
            }
            if (flat.isEmpty()) {
                return empty(0);
            }
            NDArray x = flat;
            long nonFinite = 0;
            double[] range = pair(flat.min(), flat.max());
            if (!Double.isFinite(range[0]) || !Double.isFinite(range[1])) {
                NDArray finite = flat.isNaN().logicalOr(flat.isInfinite()).logicalNot();
                x = flat.booleanMask(finite);
                nonFinite = flat.size() - x.size();
                if (x.isEmpty()) {
                    return empty(nonFinite);
                }
                range = pair(x.min(), x.max());
            }
            NDArray asDouble = x.toType(DataType.FLOAT64, false);
            double[] sums = pair(asDouble.sum(), asDouble.square().sum());
            double[] stats = {range[0], range[1], sums[0], sums[1]};
            return new ExponentialHistogram(encode(stats, bucketCounts(x, scope), x.size()), nonFinite);
        }
    }

    /**
     * Computes the histogram of a Java array (through a temporary NDArray, so one bucketing serves both).
     *
     * @param values the values
     * @return the histogram
     */
    public static ExponentialHistogram of(float[] values) {
        try (NDManager manager = NDManager.newBaseManager()) {
            return of(manager.create(values));
        }
    }

    /**
     * Counts finite values per bucket: an index estimated from a float32 logarithm (off by at most one near a
     * limit), then corrected by one exact comparison with the limits each way.
     */
    private static double[] bucketCounts(NDArray x, NDManager scope) {
        NDArray limits = scope.create(LIMITS);
        NDArray atOrBelow = x.toType(DataType.FLOAT32, false).abs().maximum(TINY).log().sub(LOG_FIRST_LIMIT)
                .div(LOG_GROWTH).floor().add(1).clip(0, POSITIVE_LIMITS);
        // positive x: (n + 2) + atOrBelow; negative x: (n + 1) - atOrBelow
        NDArray positive = x.gte(0).toType(DataType.FLOAT32, false);
        NDArray estimate = atOrBelow.mul(2).add(1).mul(positive).sub(atOrBelow).add(POSITIVE_LIMITS + 1);
        NDArray index = estimate.toType(DataType.INT64, false);
        index = index.sub(limits.gather(index.sub(1), 0).gt(x).toType(DataType.INT64, false));
        index = index.add(limits.gather(index, 0).lte(x).toType(DataType.INT64, false));
        // int32 keys: torch's sort-based unique is markedly faster on them than on int64
        NDList unique = index.toType(DataType.INT32, false).unique(null, true, false, true);
        int[] buckets = unique.get(0).toIntArray();
        long[] counts = unique.get(unique.size() - 1).toLongArray();
        double[] result = new double[LIMITS.length];
        for (int i = 0; i < buckets.length; i++) {
            result[buckets[i]] = counts[i];
        }
        return result;
    }

    private static ExponentialHistogram empty(long nonFinite) {
        return new ExponentialHistogram(encode(new double[4], new double[LIMITS.length], 0), nonFinite);
    }

    private static double[] pair(NDArray first, NDArray second) {
        return NDArrays.stack(new NDList(first, second)).toType(DataType.FLOAT64, false).toDoubleArray();
    }

    private static HistogramProto encode(double[] stats, double[] counts, long num) {
        HistogramProto.Builder proto = HistogramProto.newBuilder()
                .setMin(stats[0])
                .setMax(stats[1])
                .setSum(stats[2])
                .setSumSquares(stats[3])
                .setNum(num);
        int i = 0;
        while (i < counts.length) {
            double limit = LIMITS[i];
            double count = counts[i];
            i++;
            while (count == 0 && i < counts.length && counts[i] == 0) {
                limit = LIMITS[i];
                i++;
            }
            proto.addBucketLimit(limit).addBucket(count);
        }
        return proto.build();
    }

    private static double[] defaultLimits() {
        int n = 0;
        for (double v = FIRST_LIMIT; v < LIMIT_CEILING; v *= GROWTH) {
            n++;
        }
        double[] limits = new double[2 * n + 3];
        limits[0] = -Double.MAX_VALUE;
        limits[n + 1] = 0;
        limits[2 * n + 2] = Double.MAX_VALUE;
        double v = FIRST_LIMIT;
        for (int k = 0; k < n; k++, v *= GROWTH) {
            limits[n + 2 + k] = v;
            limits[n - k] = -v;
        }
        return limits;
    }
}
