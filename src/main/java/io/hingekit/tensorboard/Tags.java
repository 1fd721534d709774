package io.hingekit.tensorboard;

import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Tag rules and the fixed tags Hingekit writes. A tag is one or more of {@code A-Z a-z 0-9 _ - . /}, not starting
 * or ending with {@code /} (the characters TensorFlow keeps in summary names); {@code /} groups tags into sections.
 */
public final class Tags {

    /** Scalar with the nonfinite (NaN or infinite) values left out of a histogram: {@code <tag>/nonfinite_count}. */
    public static final String NONFINITE_COUNT_SUFFIX = "/nonfinite_count";

    /** Tag of the hparams plugin's experiment record. */
    public static final String HPARAMS_EXPERIMENT = "_hparams_/experiment";

    /** Tag of the hparams plugin's session start record. */
    public static final String HPARAMS_SESSION_START = "_hparams_/session_start_info";

    /** Tag of the hparams plugin's session end record. */
    public static final String HPARAMS_SESSION_END = "_hparams_/session_end_info";

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_.\\-]+(/[A-Za-z0-9_.\\-]+)*");
    private static final Pattern INVALID_CHARACTER = Pattern.compile("[^A-Za-z0-9_.\\-]");
    private static final String REPLACEMENT = "_";

    private Tags() {}

    /**
     * Checks a tag.
     *
     * @param tag the tag
     * @return the tag
     * @throws IllegalArgumentException naming the tag if it is null, empty or breaks the rules above
     */
    public static String validate(String tag) {
        if (tag == null || !VALID.matcher(tag).matches()) {
            throw new IllegalArgumentException(
                    "tag must be non-empty, of A-Z a-z 0-9 _ - . and / (not leading, trailing or doubled), got '"
                            + tag + "'");
        }
        return tag;
    }

    /**
     * Turns a free-form name with {@code /} sections (a metric name from a config) into a valid tag: each section
     * through {@link #component}, empty sections dropped.
     *
     * @param name the name
     * @return a tag that {@link #validate} accepts
     */
    public static String sanitize(String name) {
        String joined = Arrays.stream(name.split("/"))
                .filter(section -> !section.isEmpty())
                .map(Tags::component)
                .collect(Collectors.joining("/"));
        return joined.isEmpty() ? REPLACEMENT : joined;
    }

    /**
     * Turns free text (a class name, a metric name) into one valid tag component: every other character,
     * including {@code /}, becomes {@code _}.
     *
     * @param text the text
     * @return a component that {@link #validate} accepts when joined with {@code /}
     */
    public static String component(String text) {
        String cleaned = INVALID_CHARACTER.matcher(text).replaceAll(REPLACEMENT);
        return cleaned.isEmpty() ? REPLACEMENT : cleaned;
    }
}
