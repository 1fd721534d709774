package io.hingekit.mining;

/** Argument checks shared by the builders, with messages naming the parameter and the bad value. */
final class Checks {

    private Checks() {}

    static float nonNegativeFinite(String name, float value) {
        if (!(value >= 0f) || Float.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, got " + value);
        }
        return value;
    }

    static long positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be > 0, got " + value);
        }
        return value;
    }

    static <T> T present(String name, T value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must be set, got null");
        }
        return value;
    }

    static String nonEmpty(String name, String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(name + " must be non-empty, got " + value);
        }
        return value;
    }
}
