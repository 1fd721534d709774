package io.hingekit.util;

/**
 * Argument checks with one message style, {@code <name> must be <rule>, got <value>}, so that every bad parameter
 * or config value is named together with what was given.
 */
public final class Checks {

    private Checks() {}

    /**
     * Fails unless a condition holds.
     *
     * @param ok the condition
     * @param name the parameter or config key
     * @param rule what the value must be, for example {@code "> 0"}
     * @param value the value given
     * @throws IllegalArgumentException {@code <name> must be <rule>, got <value>}
     */
    public static void check(boolean ok, String name, String rule, Object value) {
        if (!ok) {
            throw new IllegalArgumentException(name + " must be " + rule + ", got " + value);
        }
    }

    /** Returns {@code value} if it is at least 1. */
    public static int positive(String name, int value) {
        check(value > 0, name, "> 0", value);
        return value;
    }

    /** Returns {@code value} if it is at least 1. */
    public static long positive(String name, long value) {
        check(value > 0, name, "> 0", value);
        return value;
    }

    /** Returns {@code value} if it is a finite number above 0. */
    public static double positiveFinite(String name, double value) {
        check(value > 0 && !Double.isInfinite(value), name, "a finite number > 0", value);
        return value;
    }

    /** Returns {@code value} if it is 0 or more. */
    public static int nonNegative(String name, int value) {
        check(value >= 0, name, ">= 0", value);
        return value;
    }

    /** Returns {@code value} if it is 0 or more. */
    public static long nonNegative(String name, long value) {
        check(value >= 0, name, ">= 0", value);
        return value;
    }

    /** Returns {@code value} if it is a finite number of at least 0. */
    public static double nonNegativeFinite(String name, double value) {
        check(value >= 0 && !Double.isInfinite(value), name, "finite and >= 0", value);
        return value;
    }

    /** Returns {@code value} if it is a finite number of at least 0. */
    public static float nonNegativeFinite(String name, float value) {
        check(value >= 0f && !Float.isInfinite(value), name, "finite and >= 0", value);
        return value;
    }

    /** Returns {@code value} if it lies in {@code [low, high)}. */
    public static double inRange(String name, double value, double low, double high) {
        check(value >= low && value < high, name, "in [" + low + ", " + high + ")", value);
        return value;
    }

    /** Returns {@code value} if it lies in {@code [low, high]}, both ends included. */
    public static int between(String name, int value, int low, int high) {
        check(value >= low && value <= high, name, "in [" + low + ", " + high + "]", value);
        return value;
    }

    /** Returns {@code value} if it is not null. */
    public static <T> T present(String name, T value) {
        check(value != null, name, "set", null);
        return value;
    }

    /** Returns {@code value} if it is neither null nor only white space; the value is quoted in the message. */
    public static String nonBlank(String name, String value) {
        check(value != null && !value.isBlank(), name, "non-blank", value == null ? null : "'" + value + "'");
        return value;
    }
}
