package io.hingekit.online;

import io.hingekit.config.ConfigWord;
import java.util.List;
import java.util.Locale;

/** The format of a file or standard-input stream ({@code learn-online --format}); Kafka values are always JSON. */
public enum StreamFormat implements ConfigWord {
    /** CSV with a header row, read by {@code data.CsvRows}. */
    CSV("csv"),
    /** One JSON object per line: {@code {"features": [...], "label": k}}. */
    JSONL("jsonl");

    private final String word;

    StreamFormat(String word) {
        this.word = word;
    }

    @Override
    public String word() {
        return word;
    }

    @Override
    public List<String> aliases() {
        return List.of("ndjson", "json");
    }

    /**
     * Returns the format of an input: the one given, else by the file's extension ({@code .csv}; {@code .jsonl},
     * {@code .ndjson} or {@code .json}), else JSON lines for standard input.
     *
     * @param input the file name or {@code -}
     * @param given the format asked for, or null
     * @return the format
     * @throws IllegalArgumentException when a file's extension says neither
     */
    public static StreamFormat of(String input, StreamFormat given) {
        if (given != null) {
            return given;
        }
        String name = input.toLowerCase(Locale.ROOT);
        if (name.equals("-")) {
            return JSONL;
        }
        if (name.endsWith(".csv")) {
            return CSV;
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
            return JSONL;
        }
        throw new IllegalArgumentException("--format must be given for " + input
                + " (csv or jsonl; the file name ends in neither .csv nor .jsonl)");
    }
}
