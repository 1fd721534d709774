package io.hingekit.lifecycle;

import io.hingekit.inference.InputRows;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The columns {@code score} writes, as CSV (a header row) or JSON lines: {@code row}, {@code predicted},
 * {@code predicted_name}, {@code score_<k>} per output, {@code gap}, {@code p_<class>} with probabilities, and with
 * labels {@code label}, {@code margin}, {@code hinge_loss}, {@code violation}.
 */
final class ScoreTable {

    private final boolean jsonl;
    private final List<String> classNames;
    private final int outputs;
    private final List<String> columns;

    private ScoreTable(boolean jsonl, List<String> classNames, int outputs, boolean labelled, boolean probabilities) {
        this.jsonl = jsonl;
        this.classNames = classNames;
        this.outputs = outputs;
        this.columns = columns(classNames, outputs, labelled, probabilities);
    }

    /** Picks the format from the output's extension: {@code .jsonl}, else CSV. */
    static ScoreTable of(Path out, List<String> classNames, int outputs, boolean labelled, boolean probabilities) {
        String name = out == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (out != null && !name.endsWith(".csv") && !name.endsWith(".jsonl")) {
            throw new IllegalArgumentException("--out must end in .csv or .jsonl, got " + out);
        }
        return new ScoreTable(name.endsWith(".jsonl"), classNames, outputs, labelled, probabilities);
    }

    private static List<String> columns(List<String> classNames, int outputs, boolean labelled,
            boolean probabilities) {
        List<String> columns = new ArrayList<>(List.of("row", "predicted", "predicted_name"));
        for (int k = 0; k < outputs; k++) {
            columns.add("score_" + k);
        }
        columns.add("gap");
        if (probabilities) {
            classNames.forEach(name -> columns.add("p_" + name));
        }
        if (labelled) {
            columns.addAll(List.of("label", "margin", "hinge_loss", "violation"));
        }
        return columns;
    }

    void header(Writer writer) throws IOException {
        if (!jsonl) {
            writer.write(String.join(",", columns));
            writer.write('\n');
        }
    }

    void rows(Writer writer, InputRows.Batch batch, float[] scores, long[] predicted, float[] gap,
            double[][] p, float[] margins, float[] losses) throws IOException {
        for (int i = 0; i < batch.rows(); i++) {
            List<String> values = new ArrayList<>(columns.size());
            values.add(Long.toString(batch.firstRow() + i));
            values.add(Long.toString(predicted[i]));
            values.add(text(classNames.get((int) predicted[i])));
            for (int k = 0; k < outputs; k++) {
                values.add(Float.toString(scores[i * outputs + k]));
            }
            values.add(Float.toString(gap[i]));
            if (p != null) {
                for (double value : p[i]) {
                    values.add(Double.toString(value));
                }
            }
            if (margins != null) {
                values.add(Integer.toString(batch.labels()[i]));
                values.add(Float.toString(margins[i]));
                values.add(Float.toString(losses[i]));
                values.add(losses[i] > 0 ? (jsonl ? "true" : "1") : (jsonl ? "false" : "0"));
            }
            writer.write(jsonl ? json(columns, values) : String.join(",", values));
            writer.write('\n');
        }
    }

    private String text(String name) {
        return jsonl ? "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\""
                : name.contains(",") || name.contains("\"") ? "\"" + name.replace("\"", "\"\"") + "\"" : name;
    }

    private static String json(List<String> columns, List<String> values) {
        StringBuilder line = new StringBuilder("{");
        for (int c = 0; c < columns.size(); c++) {
            line.append(c == 0 ? "" : ",").append('"').append(columns.get(c)).append("\":").append(values.get(c));
        }
        return line.append('}').toString();
    }
}
