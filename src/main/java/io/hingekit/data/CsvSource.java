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
            if (!tables.isEmpty() && table.width() != tables.get(0).width()) {
                throw new IllegalArgumentException(file + " has " + table.width() + " feature columns but "
                        + files.get(0) + " has " + tables.get(0).width() + ": the files need the same columns");
            }
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
            int width = table.width();
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
        try (CsvRows rows = CsvRows.open(file, labelColumn, true)) {
            Table table = new Table();
            for (CsvRows.Row row = rows.next(); row != null; row = rows.next()) {
                table.rows.add(row.features());
                table.labels.add(row.label());
            }
            if (table.rows.isEmpty()) {
                throw new IllegalArgumentException(file + " has a header but no data rows");
            }
            return table;
        }
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

        int width() {
            return rows.isEmpty() ? 0 : rows.get(0).length;
        }
    }
}
