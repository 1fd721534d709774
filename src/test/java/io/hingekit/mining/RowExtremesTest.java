package io.hingekit.mining;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.hingekit.NDManagerExtension;
import io.hingekit.TestManager;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@ExtendWith(NDManagerExtension.class)
class RowExtremesTest {

    /** Small integers make ties common; some rows are all +infinity or all -infinity. */
    private static double[][] randomRows(long seed, int rows, int columns) {
        Random random = new Random(seed);
        double[][] out = new double[rows][columns];
        for (int i = 0; i < rows; i++) {
            int kind = random.nextInt(8);
            for (int j = 0; j < columns; j++) {
                out[i][j] = kind == 0 ? Double.POSITIVE_INFINITY
                        : kind == 1 ? Double.NEGATIVE_INFINITY
                        : random.nextInt(6) + (random.nextInt(4) == 0 ? Double.POSITIVE_INFINITY : 0);
            }
        }
        return out;
    }

    /** The first column holding the row's extreme, by a plain scan. */
    private static long firstExtreme(double[] row, boolean largest) {
        int best = 0;
        for (int j = 1; j < row.length; j++) {
            if (largest ? row[j] > row[best] : row[j] < row[best]) {
                best = j;
            }
        }
        return best;
    }

    @ParameterizedTest
    @CsvSource({"1, 7, 5, FLOAT32", "2, 40, 33, FLOAT64", "3, 1, 1, FLOAT32", "4, 300, 1100, FLOAT32",
        "5, 64, 19, FLOAT16"})
    void extremesAndFirstIndicesMatchAScan(long seed, int rows, int columns, DataType type, NDManager manager) {
        double[][] values = randomRows(seed, rows, columns);
        NDArray array = manager.create(values).toType(type, false);
        for (boolean largest : new boolean[] {false, true}) {
            RowExtremes extremes = largest ? RowExtremes.largest(array) : RowExtremes.smallest(array);
            long[] expectedIndices = new long[rows];
            double[] expectedValues = new double[rows];
            for (int i = 0; i < rows; i++) {
                expectedIndices[i] = firstExtreme(values[i], largest);
                expectedValues[i] = values[i][(int) expectedIndices[i]];
            }
            assertEquals(DataType.INT64, extremes.indices().getDataType());
            assertEquals(new Shape(rows), extremes.indices().getShape());
            assertArrayEquals(expectedIndices, extremes.indices().toLongArray(), "largest=" + largest);
            assertArrayEquals(expectedValues,
                    extremes.values().toType(DataType.FLOAT64, false).toDoubleArray(), "largest=" + largest);
        }
    }

    /** CUDA hosts only ({@code mvn -Pgpu test}): the module runs on the device of its input, with the same ties. */
    @Test
    @Tag("gpu")
    void runsOnTheGpuWithTheSameFirstIndices(
            @TestManager(device = "gpu") NDManager gpu, @TestManager(device = "cpu") NDManager cpu) {
        assumeTrue(Engine.getInstance().getGpuCount() > 0, "no GPU visible");
        double[][] values = randomRows(6, 500, 700);
        NDArray onGpu = gpu.create(values).toType(DataType.FLOAT32, false);
        NDArray onCpu = cpu.create(values).toType(DataType.FLOAT32, false);
        RowExtremes fromGpu = RowExtremes.smallest(onGpu);
        assertEquals(Device.gpu(), fromGpu.indices().getDevice());
        assertArrayEquals(RowExtremes.smallest(onCpu).indices().toLongArray(), fromGpu.indices().toLongArray());
        assertArrayEquals(RowExtremes.largest(onCpu).indices().toLongArray(),
                RowExtremes.largest(onGpu).indices().toLongArray());
    }
}
