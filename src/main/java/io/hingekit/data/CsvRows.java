package io.hingekit.data;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a CSV file row by row: a header row, numeric feature columns, and optionally one label column (kept as
 * text). Every problem names the file, the line and the column: a wrong number of fields, a cell that is not a
 * number, NaN or infinity, bytes that are not UTF-8.
 */
public final class CsvRows implements Closeable {

    /**
     * One data row.
     *
     * @param line the line number in the file (the header is line 1)
     * @param features the feature values, in column order without the label
     * @param label the label cell, trimmed, or null when the file has no label column
     */
    public record Row(long line, float[] features, String label) {}

    private final Path file;
    private final BufferedReader reader;
    private final List<String> columns;
    private final int labelIndex;
    private long line = 1;

    private CsvRows(Path file, BufferedReader reader, List<String> columns, int labelIndex) {
        this.file = file;
        this.reader = reader;
        this.columns = columns;
        this.labelIndex = labelIndex;
    }

    /**
     * Opens a file and reads its header.
     *
     * @param file the CSV file
     * @param labelColumn name of the label column
     * @param labelRequired whether a file without that column is an error (training) or a file of unlabelled rows
     *     (scoring)
     * @return the reader
     * @throws IOException when the file cannot be read
     */
    public static CsvRows open(Path file, String labelColumn, boolean labelRequired) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)));
        try {
            String header = readLine(reader, file, 1);
            if (header == null) {
                throw new IllegalArgumentException(file + " is empty: a header row is required");
            }
            List<String> columns = Arrays.stream(header.split(",", -1)).map(String::trim).toList();
            int labelIndex = labelColumn == null ? -1 : columns.indexOf(labelColumn);
            if (labelIndex < 0 && labelRequired) {
                throw new IllegalArgumentException(file + " has no column named '" + labelColumn + "'");
            }
            if (labelIndex >= 0 && columns.lastIndexOf(labelColumn) != labelIndex) {
                throw new IllegalArgumentException(file + " has two columns named '" + labelColumn + "'");
            }
            return new CsvRows(file, reader, columns, labelIndex);
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /** Returns the number of feature columns. */
    public int featureCount() {
        return columns.size() - (labelIndex >= 0 ? 1 : 0);
    }

    /** Returns whether the file has the label column. */
    public boolean hasLabels() {
        return labelIndex >= 0;
    }

    /**
     * Reads the next non-blank row.
     *
     * @return the row, or null at the end of the file
     * @throws IOException when the file cannot be read
     */
    public Row next() throws IOException {
        String text;
        do {
            line++;
            text = readLine(reader, file, line);
            if (text == null) {
                return null;
            }
        } while (text.isBlank());
        String[] cells = text.split(",", -1);
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException(file + " line " + line + ": " + cells.length
                    + " fields, the header has " + columns.size());
        }
        float[] features = new float[featureCount()];
        int j = 0;
        for (int c = 0; c < cells.length; c++) {
            if (c != labelIndex) {
                features[j++] = number(cells[c], c);
            }
        }
        return new Row(line, features, labelIndex >= 0 ? cells[labelIndex].trim() : null);
    }

    private float number(String cell, int column) {
        float value;
        try {
            value = Float.parseFloat(cell.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + " line " + line + ", column '" + columns.get(column)
                    + "': not a number: '" + cell + "'", e);
        }
        if (!Float.isFinite(value)) {
            throw new IllegalArgumentException(file + " line " + line + ", column '" + columns.get(column)
                    + "': NaN or infinite value");
        }
        return value;
    }

    private static String readLine(BufferedReader reader, Path file, long line) throws IOException {
        try {
            return reader.readLine();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(file + " line " + line + ": not UTF-8 text (a binary file?)", e);
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
