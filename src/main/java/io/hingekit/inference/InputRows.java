package io.hingekit.inference;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Raw input rows read from a file in batches, so that files larger than memory stream through: CSV (a header row,
 * with or without the label column), NumPy {@code .npy} (float32/float64 or uint8, one sample per row or image),
 * and IDX ({@code *-idx3-ubyte[.gz]} images with an optional {@code *-idx1-ubyte[.gz]} label file). Bad rows end the
 * read with an error naming the file, the row (line) and the problem.
 */
public interface InputRows extends Closeable {

    /**
     * One batch of rows.
     *
     * @param features raw feature values, row-major, {@code rows * featureCount}
     * @param rows number of rows
     * @param labels class indices per row, or null when the input has no labels
     * @param firstRow index of the first row in the file (0-based)
     * @param pixelScale divisor the values need before the network (255 for IDX and uint8 images, else 1), applied
     *     on the device exactly as training's image pipeline does
     */
    record Batch(float[] features, int rows, int[] labels, long firstRow, float pixelScale) {}

    /**
     * Opens a file by its extension.
     *
     * @param file the input
     * @param labels an IDX or .npy label file for IDX and .npy inputs (may be null)
     * @param labelColumn the CSV label column (a file without it is unlabelled)
     * @param classNames the model's class names, to map CSV labels
     * @param featureCount features per sample the model takes
     * @return the reader
     * @throws IOException when the file cannot be read
     */
    static InputRows open(Path file, Path labels, String labelColumn, List<String> classNames, int featureCount)
            throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            if (labels != null) {
                throw new IllegalArgumentException("--labels is for IDX and .npy inputs; a CSV carries its labels in"
                        + " the column '" + labelColumn + "'");
            }
            return new CsvInput(file, labelColumn, classNames, featureCount);
        }
        if (name.endsWith(".npy")) {
            return new NpyInput(file, labels, classNames.size(), featureCount);
        }
        if (name.contains("idx3-ubyte")) {
            return new IdxInput(file, labels, classNames.size(), featureCount);
        }
        throw new IllegalArgumentException(file + ": unknown input format (expected .csv, .npy or an IDX"
                + " *-idx3-ubyte[.gz] file)");
    }

    /**
     * Reads the next batch.
     *
     * @param max the most rows to return
     * @return the batch, or null at the end
     * @throws IOException when the file cannot be read
     */
    Batch next(int max) throws IOException;

    /** Returns whether the rows carry labels. */
    boolean hasLabels();
}
