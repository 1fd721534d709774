package io.hingekit.metrics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/** Quantiles of a 1-D array, computed on its device: NumPy's default method (linear between the nearest ranks). */
public final class Quantiles {

    private Quantiles() {}

    /**
     * Sorts the values on their device and reads only the ranks the quantiles need.
     *
     * @param values a 1-D array (at least one value)
     * @param levels quantile levels in [0, 1]
     * @return the quantiles, one per level
     */
    public static double[] of(NDArray values, double[] levels) {
        long n = values.size();
        long[] ranks = new long[levels.length * 2];
        for (int i = 0; i < levels.length; i++) {
            double position = levels[i] * (n - 1);
            ranks[2 * i] = (long) Math.floor(position);
            ranks[2 * i + 1] = (long) Math.ceil(position);
        }
        NDArray sorted = values.reshape(-1).sort();
        float[] picked = sorted.get(values.getManager().create(ranks)).toType(DataType.FLOAT32, false)
                .toFloatArray();
        double[] out = new double[levels.length];
        for (int i = 0; i < levels.length; i++) {
            double position = levels[i] * (n - 1);
            double low = picked[2 * i];
            out[i] = low + (picked[2 * i + 1] - low) * (position - Math.floor(position));
        }
        return out;
    }
}
