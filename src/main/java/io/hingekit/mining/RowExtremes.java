package io.hingekit.mining;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValue;
import ai.djl.pytorch.jni.IValueUtils;
import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The smallest or largest entry of every row of a matrix with the index where it first occurs (ties go to the
 * lowest index), i.e. libtorch's {@code min(dim)} / {@code max(dim)}. DJL 0.36's {@code min}/{@code max} along an
 * axis drop the indices, and its {@code argMin}/{@code argMax} take libtorch 2.7's generic index reduction, about
 * twice as slow on large rows (15 vs 7 ms at 7168 x 1024) and without the values. So both come from a TorchScript
 * module, {@code row_extremes.pt}, written by {@code src/main/python/make_row_extremes.py}; a call costs about
 * 50 us more than a plain operation (the TorchScript interpreter, then the result list turned into arrays), which
 * pays from roughly 256 x 256 entries up.
 *
 * @param values the extreme of each row, shape (Q)
 * @param indices int64 column of its first occurrence, shape (Q)
 */
record RowExtremes(NDArray values, NDArray indices) {

    /**
     * Finds the minimum of every row.
     *
     * @param rows shape (Q, R) with R &gt; 0, on any device
     * @return the minima and their first columns
     */
    static RowExtremes smallest(NDArray rows) {
        return run("smallest", rows);
    }

    /**
     * Finds the maximum of every row.
     *
     * @param rows shape (Q, R) with R &gt; 0, on any device
     * @return the maxima and their first columns
     */
    static RowExtremes largest(NDArray rows) {
        return run("largest", rows);
    }

    private static RowExtremes run(String method, NDArray rows) {
        PtNDArray array = (PtNDArray) rows;
        try (IValue input = IValue.from(array);
                IValue output = IValueUtils.runMethod(ScriptedModule.INSTANCE, method, input)) {
            PtNDArray[] pair = output.toTensorArray(array.getManager());
            return new RowExtremes(pair[0], pair[1]);
        }
    }

    /** Loads the module on first use and keeps it, with a manager of its own, for the life of the process. */
    private static final class ScriptedModule {

        static final PtSymbolBlock INSTANCE = load();

        private static PtSymbolBlock load() {
            try (InputStream in = RowExtremes.class.getResourceAsStream("row_extremes.pt")) {
                if (in == null) {
                    throw new IllegalStateException("row_extremes.pt is missing from the classpath");
                }
                return JniUtils.loadModule((PtNDManager) NDManager.newBaseManager(), in, true, false);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read row_extremes.pt", e);
            }
        }
    }
}
