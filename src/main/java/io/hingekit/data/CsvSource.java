package io.hingekit.data;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * Reads a CSV file with a header row: numeric feature columns and one label column. Labels may be integers or
 * names; names are mapped to class indices in sorted order so train and test files agree.
 */
public final class CsvSource {

    private final String labelColumn;

    /**
     * Creates a reader for files whose label sits in {@code labelColumn}.
     *
     * @param labelColumn name of the label column in the header row
     */
    public CsvSource(String labelColumn) {
        if (labelColumn == null || labelColumn.isBlank()) {
            throw new IllegalArgumentException("data.csv.labelColumn must name the label column");
        }
        this.labelColumn = labelColumn;
    }

    /**
     * Reads the given files with one shared class list (the sorted distinct labels of all files).
     *
     * @param files the CSV files
     * @param manager the manager that will own the arrays
     * @return one split per file, in order
     * @throws IOException when a file cannot be read
     */
    public List<LabeledData> load(List<Path> files, NDManager manager) throws IOException {
        List<Table> tables = new ArrayList<>();
        TreeMap<String, Integer> classes = new TreeMap<>(CsvSource::compareLabels);
        for (Path file : files) {
            Table table = read(file);
            table.labels.forEach(label -> classes.put(label, 0));
            tables.add(table);
        }
        List<String> classNames = new ArrayList<>(classes.keySet());
        for (int i = 0; i < classNames.size(); i++) {
            classes.put(classNames.get(i), i);
        }
        List<LabeledData> splits = new ArrayList<>();
        for (Table table : tables) {
            float[] labels = new float[table.labels.size()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = classes.get(table.labels.get(i));
            }
            int width = table.rows.isEmpty() ? 0 : table.rows.get(0).length;
            float[] flat = new float[table.rows.size() * width];
            for (int i = 0; i < table.rows.size(); i++) {
                System.arraycopy(table.rows.get(i), 0, flat, i * width, width);
            }
            splits.add(new LabeledData(
                    manager.create(flat, new Shape(table.rows.size(), width)), manager.create(labels), classNames));
        }
        return splits;
    }

    private Table read(Path file) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header == null) {
                throw new IllegalArgumentException(file + " is empty: a header row is required");
            }
            List<String> columns = Arrays.asList(header.split(",", -1));
            int labelIndex = columns.indexOf(labelColumn);
            if (labelIndex < 0) {
                throw new IllegalArgumentException(file + " has no column named '" + labelColumn + "'");
            }
            Table table = new Table();
            String line;
            int lineNumber = 1;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (!line.isBlank()) {
                    table.add(parseRow(file, lineNumber, line.split(",", -1), columns, labelIndex));
                }
            }
            if (table.rows.isEmpty()) {
                throw new IllegalArgumentException(file + " has a header but no data rows");
            }
            return table;
        }
    }

    private static Object[] parseRow(Path file, int lineNumber, String[] cells, List<String> columns, int labelIndex) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException(file + " line " + lineNumber + ": " + cells.length
                    + " fields, header has " + columns.size());
        }
        float[] features = new float[cells.length - 1];
        int j = 0;
        for (int c = 0; c < cells.length; c++) {
            if (c == labelIndex) {
                continue;
            }
            try {
                features[j++] = Float.parseFloat(cells[c].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(file + " line " + lineNumber + ", column '" + columns.get(c)
                        + "': not a number: '" + cells[c] + "'", e);
            }
            if (!Float.isFinite(features[j - 1])) {
                throw new IllegalArgumentException(file + " line " + lineNumber + ", column '" + columns.get(c)
                        + "': NaN or infinite value");
            }
        }
        return new Object[] {features, cells[labelIndex].trim()};
    }

    private static int compareLabels(String a, String b) {
        try {
            return Double.compare(Double.parseDouble(a), Double.parseDouble(b));
        } catch (NumberFormatException notNumeric) {
            return a.compareTo(b);
        }
    }

    private static final class Table {
        private final List<float[]> rows = new ArrayList<>();
        private final List<String> labels = new ArrayList<>();

        void add(Object[] row) {
            rows.add((float[]) row[0]);
            labels.add((String) row[1]);
        }
    }
}
