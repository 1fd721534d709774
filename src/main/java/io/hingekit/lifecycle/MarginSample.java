package io.hingekit.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hingekit.files.NpyMatrix;
import io.hingekit.model.ModelDirectory;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The margins of a set of predictions, as {@code drift} compares them: signed margins and labels where the labels
 * are known, and always the label-free gap and the predicted class. Read from a model's saved reference
 * ({@code reference-margins.npy}), from a file that {@code score} wrote (CSV or JSON lines), or from scores computed
 * on a model's own split. Public for the Spark job that reads a model's saved reference on its driver.
 *
 * @param source where the margins come from, for messages and reports
 * @param labels labels, or null when unknown
 * @param predicted predicted classes
 * @param margins signed margins, or null when the labels are unknown
 * @param gaps label-free gaps
 * @param losses hinge losses, or null when unknown (a scores file without labels, or the saved reference)
 */
public record MarginSample(String source, int[] labels, int[] predicted, double[] margins, double[] gaps,
        double[] losses) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Returns whether the sample has labels and signed margins. */
    public boolean labelled() {
        return labels != null;
    }

    /** Returns the number of predictions. */
    public int size() {
        return gaps.length;
    }

    /** Wraps a split's scores. */
    static MarginSample of(String source, SplitScores scores) {
        return new MarginSample(source, scores.labels(), scores.predicted(), scores.margins(), scores.gaps(), null);
    }

    /**
     * Reads a model's saved validation margins.
     *
     * @param model the model directory
     * @return the sample
     * @throws IOException when the file cannot be read
     */
    public static MarginSample reference(Path model) throws IOException {
        ModelDirectory dir = new ModelDirectory(model);
        Path file = dir.referenceMargins();
        NpyMatrix m = dir.savedReferenceMargins();
        if (m == null) {
            throw new IllegalArgumentException(model + " has no " + ModelDirectory.REFERENCE_MARGINS
                    + " (a classifier trained by this version of train writes it)");
        }
        if (m.columns() != 4) {
            throw new IllegalArgumentException(file + ": expected 4 columns (label, predicted, margin, gap), got "
                    + m.columns());
        }
        return new MarginSample(file.toString(), ints(m.column(0)), ints(m.column(1)), doubles(m.column(2)),
                doubles(m.column(3)), null);
    }

    /**
     * Reads a file written by {@code score}: CSV with a header, or JSON lines.
     *
     * @param file the scores file
     * @return the sample
     * @throws IOException when the file cannot be read
     */
    static MarginSample scores(Path file) throws IOException {
        List<double[]> rows = new ArrayList<>();
        boolean labelled;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jsonl")) {
                labelled = readJsonl(file, reader, rows);
            } else {
                labelled = readCsv(file, reader, rows);
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(file + " holds no scored rows");
        }
        int n = rows.size();
        int[] labels = labelled ? new int[n] : null;
        int[] predicted = new int[n];
        double[] margins = labelled ? new double[n] : null;
        double[] gaps = new double[n];
        double[] losses = labelled ? new double[n] : null;
        for (int i = 0; i < n; i++) {
            double[] r = rows.get(i);
            predicted[i] = (int) r[0];
            gaps[i] = r[1];
            if (labelled) {
                labels[i] = (int) r[2];
                margins[i] = r[3];
                losses[i] = r[4];
            }
        }
        return new MarginSample(file.toString(), labels, predicted, margins, gaps, losses);
    }

    private static boolean readCsv(Path file, BufferedReader reader, List<double[]> rows) throws IOException {
        String header = reader.readLine();
        if (header == null) {
            throw new IllegalArgumentException(file + " is empty");
        }
        List<String> columns = Arrays.asList(header.split(",", -1));
        int predicted = require(file, columns, "predicted");
        int gap = require(file, columns, "gap");
        int label = columns.indexOf("label");
        int margin = columns.indexOf("margin");
        int loss = columns.indexOf("hinge_loss");
        boolean labelled = label >= 0 && margin >= 0 && loss >= 0;
        String line;
        long number = 1;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            String[] cells = splitCsv(line);
            if (cells.length != columns.size()) {
                throw new IllegalArgumentException(file + " line " + number + ": " + cells.length
                        + " fields, the header has " + columns.size());
            }
            rows.add(labelled
                    ? new double[] {number(file, number, cells[predicted]), number(file, number, cells[gap]),
                        number(file, number, cells[label]), number(file, number, cells[margin]),
                        number(file, number, cells[loss])}
                    : new double[] {number(file, number, cells[predicted]), number(file, number, cells[gap])});
        }
        return labelled;
    }

    private static boolean readJsonl(Path file, BufferedReader reader, List<double[]> rows) throws IOException {
        String line;
        long number = 0;
        Boolean labelled = null;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode row;
            try {
                row = JSON.readTree(line);
            } catch (IOException e) {
                throw new IllegalArgumentException(file + " line " + number + ": not JSON", e);
            }
            if (!row.has("predicted") || !row.has("gap")) {
                throw new IllegalArgumentException(file + " line " + number + ": needs the fields predicted and gap"
                        + " (a file written by hingekit score)");
            }
            boolean hasLabel = row.has("label") && row.has("margin") && row.has("hinge_loss");
            labelled = labelled == null ? hasLabel : labelled && hasLabel;
            rows.add(hasLabel
                    ? new double[] {row.get("predicted").asDouble(), row.get("gap").asDouble(),
                        row.get("label").asDouble(), row.get("margin").asDouble(), row.get("hinge_loss").asDouble()}
                    : new double[] {row.get("predicted").asDouble(), row.get("gap").asDouble()});
        }
        return labelled != null && labelled;
    }

    private static int require(Path file, List<String> columns, String name) {
        int index = columns.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException(file + " has no column '" + name + "' (a file written by hingekit"
                    + " score has row, predicted, ..., gap)");
        }
        return index;
    }

    /** Splits a line written by {@code score}: plain cells, or a quoted class name. */
    private static String[] splitCsv(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells.toArray(new String[0]);
    }

    private static double number(Path file, long line, String cell) {
        try {
            double value = Double.parseDouble(cell);
            if (!Double.isFinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + " line " + line + ": not a finite number: '" + cell + "'", e);
        }
    }

    private static int[] ints(float[] values) {
        int[] out = new int[values.length];
        Arrays.setAll(out, i -> (int) values[i]);
        return out;
    }

    private static double[] doubles(float[] values) {
        double[] out = new double[values.length];
        Arrays.setAll(out, i -> values[i]);
        return out;
    }
}
