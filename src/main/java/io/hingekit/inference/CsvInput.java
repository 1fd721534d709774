package io.hingekit.inference;

import io.hingekit.data.CsvRows;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** CSV input rows: the training CSV format, the label column optional; labels are mapped to the model's classes. */
final class CsvInput implements InputRows {

    private final Path file;
    private final CsvRows rows;
    private final List<String> classNames;
    private long row;

    CsvInput(Path file, String labelColumn, List<String> classNames, int featureCount) throws IOException {
        this.file = file;
        this.rows = CsvRows.open(file, labelColumn, false);
        this.classNames = classNames;
        if (rows.featureCount() != featureCount) {
            rows.close();
            throw new IllegalArgumentException(file + " has " + rows.featureCount() + " feature columns"
                    + (rows.hasLabels() ? " besides the label" : " (no column named '" + labelColumn + "')")
                    + ", the model takes " + featureCount);
        }
    }

    @Override
    public Batch next(int max) throws IOException {
        int width = rows.featureCount();
        float[] features = new float[max * width];
        int[] labels = rows.hasLabels() ? new int[max] : null;
        int n = 0;
        long first = row;
        for (CsvRows.Row r = n < max ? rows.next() : null; r != null; r = n < max ? rows.next() : null) {
            System.arraycopy(r.features(), 0, features, n * width, width);
            if (labels != null) {
                labels[n] = label(r);
            }
            n++;
            row++;
        }
        if (n == 0) {
            return null;
        }
        return new Batch(n == max ? features : Arrays.copyOf(features, n * width), n,
                labels == null || n == max ? labels : Arrays.copyOf(labels, n), first, 1f);
    }

    private int label(CsvRows.Row r) {
        int index = classNames.indexOf(r.label());
        if (index < 0) {
            // numeric labels may be written differently (1 vs 1.0)
            for (int c = 0; c < classNames.size() && index < 0; c++) {
                index = sameNumber(classNames.get(c), r.label()) ? c : -1;
            }
        }
        if (index < 0) {
            throw new IllegalArgumentException(file + " line " + r.line() + ": unknown label '" + r.label()
                    + "' (the model's classes: " + String.join(", ", classNames) + ")");
        }
        return index;
    }

    private static boolean sameNumber(String a, String b) {
        try {
            return Double.parseDouble(a) == Double.parseDouble(b);
        } catch (NumberFormatException notNumbers) {
            return false;
        }
    }

    @Override
    public boolean hasLabels() {
        return rows.hasLabels();
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }
}
