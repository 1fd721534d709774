package io.hingekit.files;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A small float32 matrix read from or written to a NumPy {@code .npy} file in one piece (reference margins,
 * score tables): {@code <f4}, C order, shape (rows, columns). Writes are atomic.
 *
 * @param rows number of rows
 * @param columns number of columns
 * @param values the values, row-major
 */
public record NpyMatrix(int rows, int columns, float[] values) {

    /**
     * Returns one column.
     *
     * @param column the column index
     * @return its values, one per row
     */
    public float[] column(int column) {
        float[] out = new float[rows];
        for (int r = 0; r < rows; r++) {
            out[r] = values[r * columns + column];
        }
        return out;
    }

    /**
     * Writes the matrix, atomically.
     *
     * @param file the target
     * @throws IOException when writing fails
     */
    public void write(Path file) throws IOException {
        ByteBuffer data = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        data.asFloatBuffer().put(values);
        AtomicFiles.write(file, out -> {
            out.write(NpyHeader.encode("<f4", rows, columns));
            out.write(data.array());
        });
    }

    /**
     * Reads a 2-D float32 or float64 C-order {@code .npy} file (a 1-D one as one column).
     *
     * @param file the file
     * @return the matrix
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException naming the file when it is not such an array or is cut short
     */
    public static NpyMatrix read(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            NpyHeader header;
            try {
                header = NpyHeader.read(in);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
            }
            long[] shape = header.shape();
            int width = switch (header.descr()) {
                case "<f4" -> Float.BYTES;
                case "<f8" -> Double.BYTES;
                default -> throw new IllegalArgumentException(file + ": dtype " + header.descr()
                        + " is not float32 or float64");
            };
            if (header.fortranOrder() || shape.length < 1 || shape.length > 2) {
                throw new IllegalArgumentException(file + ": expected a C-order 1-D or 2-D array, got shape "
                        + Arrays.toString(shape));
            }
            int rows = Math.toIntExact(shape[0]);
            int columns = shape.length == 2 ? Math.toIntExact(shape[1]) : 1;
            byte[] bytes = in.readNBytes(Math.multiplyExact(rows * columns, width));
            if (bytes.length < rows * columns * width) {
                throw new IllegalArgumentException(file + " is cut short: " + bytes.length + " data bytes, the header"
                        + " promises " + (long) rows * columns * width);
            }
            ByteBuffer data = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            float[] values = new float[rows * columns];
            for (int i = 0; i < values.length; i++) {
                values[i] = width == Float.BYTES ? data.getFloat() : (float) data.getDouble();
            }
            return new NpyMatrix(rows, columns, values);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("file not found: " + file, e);
        }
    }
}
