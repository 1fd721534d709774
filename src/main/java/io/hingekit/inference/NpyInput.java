package io.hingekit.inference;

import io.hingekit.files.NpyHeader;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * {@code .npy} input rows: a C-order array of float32, float64 or uint8 whose first axis is the sample; uint8 is
 * taken as image pixels (divided by 255 like training's images). Labels come from a second {@code .npy} of integers.
 */
final class NpyInput implements InputRows {

    private final Path file;
    private final DataInputStream in;
    private final int width;
    private final long count;
    private final int featureCount;
    private final int[] labels;
    private long row;

    NpyInput(Path file, Path labelFile, int classes, int featureCount) throws IOException {
        this.file = file;
        this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
        try {
            NpyHeader header = header(file, in);
            this.width = switch (header.descr()) {
                case "<f4" -> Float.BYTES;
                case "<f8" -> Double.BYTES;
                case "|u1" -> 1;
                default -> throw new IllegalArgumentException(file + ": dtype " + header.descr()
                        + " is not float32, float64 or uint8");
            };
            long[] shape = header.shape();
            if (header.fortranOrder() || shape.length < 2) {
                throw new IllegalArgumentException(file + ": expected a C-order array of shape (samples, ...), got "
                        + Arrays.toString(shape));
            }
            this.count = shape[0];
            long perSample = header.elementCount() / Math.max(1, count);
            if (perSample != featureCount) {
                throw new IllegalArgumentException(file + ": " + perSample + " values per sample (shape "
                        + Arrays.toString(shape) + "), the model takes " + featureCount);
            }
            this.featureCount = featureCount;
            this.labels = labelFile == null ? null : labels(labelFile, count, classes);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private static NpyHeader header(Path file, InputStream in) throws IOException {
        try {
            return NpyHeader.read(in);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    private static int[] labels(Path file, long count, int classes) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            NpyHeader header = header(file, in);
            int width = switch (header.descr()) {
                case "<i8" -> 8;
                case "<i4" -> 4;
                case "|u1", "|i1" -> 1;
                default -> throw new IllegalArgumentException(file + ": labels must be integers (<i8, <i4, |u1), got "
                        + header.descr());
            };
            if (header.elementCount() != count) {
                throw new IllegalArgumentException(file + " holds " + header.elementCount() + " labels for "
                        + count + " samples");
            }
            byte[] bytes = in.readNBytes(Math.toIntExact(count * width));
            if (bytes.length < count * width) {
                throw new IllegalArgumentException(file + " is cut short");
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            int[] out = new int[Math.toIntExact(count)];
            for (int i = 0; i < out.length; i++) {
                long value = width == 8 ? buffer.getLong() : width == 4 ? buffer.getInt() : buffer.get() & 0xff;
                if (value < 0 || value >= classes) {
                    throw new IllegalArgumentException(file + " row " + i + ": label " + value
                            + " is not one of the model's " + classes + " classes");
                }
                out[i] = (int) value;
            }
            return out;
        }
    }

    @Override
    public Batch next(int max) throws IOException {
        int n = (int) Math.min(max, count - row);
        if (n <= 0) {
            return null;
        }
        byte[] bytes = new byte[n * featureCount * width];
        try {
            in.readFully(bytes);
        } catch (EOFException e) {
            throw new IllegalArgumentException(file + " is cut short: fewer than the " + count
                    + " samples its header promises", e);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        float[] features = new float[n * featureCount];
        for (int i = 0; i < features.length; i++) {
            float value = width == 4 ? buffer.getFloat() : width == 8 ? (float) buffer.getDouble()
                    : buffer.get() & 0xff;
            if (!Float.isFinite(value)) {
                throw new IllegalArgumentException(file + " row " + (row + i / featureCount)
                        + ": NaN or infinite value");
            }
            features[i] = value;
        }
        long first = row;
        row += n;
        int[] batchLabels = labels == null ? null
                : Arrays.copyOfRange(labels, Math.toIntExact(first), Math.toIntExact(first + n));
        return new Batch(features, n, batchLabels, first, width == 1 ? 255f : 1f);
    }

    @Override
    public boolean hasLabels() {
        return labels != null;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
