package io.hingekit.online;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hingekit.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The whole state of an online job in one file, {@code checkpoints/online.json} in the model directory, written
 * atomically ({@link AtomicFiles}: a temporary file, synced, renamed over the old one): the weights, the number of
 * examples learnt from (Pegasos's {@code t}), the last learnt offset per partition and the progressive totals.
 * Because the model and the offsets it has learnt change together in one rename, a job killed at any moment
 * restarts from a state in which every example up to the saved offsets affected the weights exactly once and no
 * later one did. Doubles are written as the shortest decimal that reads back to the same value, so a restored
 * learner continues bit for bit.
 *
 * @param algorithm the {@code online.algorithm} word that learnt the weights
 * @param steps examples learnt from
 * @param offsets the last learnt offset per partition
 * @param weights the weight rows ({@link LinearWeights}: features, then the bias)
 * @param totals the whole-stream progressive totals
 */
public record OnlineCheckpoint(String algorithm, long steps, Map<Integer, Long> offsets, double[][] weights,
        ProgressiveValidation.Totals totals) {

    /** The checkpoint's file name under {@code checkpoints/}. */
    public static final String FILE = "online.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Returns the checkpoint file of a model directory. */
    public static Path file(Path modelDir) {
        return modelDir.resolve("checkpoints").resolve(FILE);
    }

    /**
     * Writes the checkpoint atomically.
     *
     * @param file the target file
     * @throws IOException when writing fails (the previous checkpoint then stays)
     */
    public void write(Path file) throws IOException {
        AtomicFiles.write(file, out -> JSON.writeValue(out, this));
    }

    /**
     * Reads a checkpoint.
     *
     * @param file the file
     * @return the checkpoint
     * @throws IllegalArgumentException when the file is damaged
     * @throws IOException when it cannot be read
     */
    public static OnlineCheckpoint read(Path file) throws IOException {
        try {
            OnlineCheckpoint checkpoint = JSON.readValue(Files.readAllBytes(file), OnlineCheckpoint.class);
            if (checkpoint.weights() == null || checkpoint.offsets() == null || checkpoint.totals() == null) {
                throw new IllegalArgumentException("incomplete");
            }
            return checkpoint;
        } catch (JacksonException | IllegalArgumentException e) {
            throw new IllegalArgumentException(file + " is not an online checkpoint (" + e.getMessage()
                    + "); delete it or use --overwrite to start afresh", e);
        }
    }
}
