package io.hingekit.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * The losses of the last few steps, kept on the device so the loop reads them back once per logging interval
 * instead of syncing with the device at every step; finds the first non-finite loss of the window.
 */
final class StepWindow {

    private final NDArray losses;
    private final int size;
    private int filled;

    StepWindow(int size, NDManager manager) {
        this.size = size;
        this.losses = manager.zeros(new Shape(size), DataType.FLOAT32);
    }

    /** Records one step's scalar loss (no host read). */
    void add(NDArray loss) {
        losses.set(new NDIndex(filled), loss.toType(DataType.FLOAT32, false).toDevice(losses.getDevice(), false));
        filled++;
    }

    boolean isFull() {
        return filled == size;
    }

    boolean isEmpty() {
        return filled == 0;
    }

    /**
     * Reads the window (one host read) and empties it.
     *
     * @return the recorded losses, oldest first
     */
    float[] drain() {
        float[] values = losses.get(new NDIndex("0:" + filled)).toFloatArray();
        filled = 0;
        return values;
    }

    /** Returns the index of the first non-finite value, or -1. */
    static int firstNonFinite(float[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                return i;
            }
        }
        return -1;
    }
}
