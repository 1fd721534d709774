package io.hingekit.inference;

import io.hingekit.files.NpyHeader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads one query vector from a file: {@code .npy} (float32 or float64, shape {@code (d,)} or {@code (1, d)}),
 * {@code .fvecs} (exactly one vector) or text (numbers separated by whitespace or commas).
 */
public final class QueryVectors {

    private QueryVectors() {}

    /**
     * Reads the vector.
     *
     * @param file the file; its extension picks the format
     * @return the vector
     * @throws IllegalArgumentException if the file does not hold exactly one vector
     * @throws IOException if reading fails
     */
    public static float[] read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("vector: " + file + " is not a file");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".npy")) {
            return readNpy(file);
        }
        if (name.endsWith(".fvecs")) {
            return readFvecs(file);
        }
        return parseText(file, Files.readString(file));
    }

    /**
     * Parses numbers separated by whitespace or commas.
     *
     * @param origin what to name in error messages
     * @param text the text
     * @return the vector
     */
    static float[] parseText(Object origin, String text) {
        String[] tokens = Arrays.stream(text.trim().split("[\\s,]+")).filter(t -> !t.isEmpty()).toArray(String[]::new);
        if (tokens.length == 0) {
            throw new IllegalArgumentException("vector: " + origin + " holds no numbers");
        }
        float[] vector = new float[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            try {
                vector[i] = Float.parseFloat(tokens[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("vector: " + origin + ": '" + tokens[i] + "' at position " + i
                        + " is not a number", e);
            }
        }
        return vector;
    }

    private static float[] readNpy(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            NpyHeader header = NpyHeader.read(in);
            long[] shape = header.shape();
            boolean oneRow = shape.length == 1 || (shape.length == 2 && shape[0] == 1);
            if (!oneRow || header.elementCount() == 0) {
                throw new IllegalArgumentException("vector: " + file + " has shape " + Arrays.toString(shape)
                        + "; expected (d,) or (1, d)");
            }
            int d = Math.toIntExact(header.elementCount());
            ByteBuffer data = ByteBuffer.wrap(in.readNBytes(d * elementBytes(header, file)))
                    .order(ByteOrder.LITTLE_ENDIAN);
            if (data.capacity() < d * elementBytes(header, file)) {
                throw new IllegalArgumentException("vector: " + file + " is truncated");
            }
            float[] vector = new float[d];
            for (int i = 0; i < d; i++) {
                vector[i] = header.descr().equals("<f4") ? data.getFloat() : (float) data.getDouble();
            }
            return vector;
        }
    }

    private static int elementBytes(NpyHeader header, Path file) {
        return switch (header.descr()) {
            case "<f4" -> Float.BYTES;
            case "<f8" -> Double.BYTES;
            default -> throw new IllegalArgumentException("vector: " + file + " has dtype " + header.descr()
                    + "; expected little-endian float32 '<f4' or float64 '<f8'");
        };
    }

    private static float[] readFvecs(Path file) throws IOException {
        ByteBuffer data = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        int d = data.remaining() >= Integer.BYTES ? data.getInt() : 0;
        if (d < 1 || data.remaining() != (long) d * Float.BYTES) {
            throw new IllegalArgumentException("vector: " + file + " is not a single fvecs vector (leading"
                    + " dimension " + d + ", " + data.capacity() + " bytes)");
        }
        float[] vector = new float[d];
        data.asFloatBuffer().get(vector);
        return vector;
    }
}
