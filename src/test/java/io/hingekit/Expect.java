package io.hingekit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.function.Executable;

/** Assertions about failures, beside JUnit's own: what a call must throw and what its message must say. */
public final class Expect {

    private Expect() {}

    /**
     * Asserts that {@code call} throws a {@code type} (or a subclass) whose message contains each fragment.
     *
     * <pre>{@code
     * Expect.rejects(IllegalArgumentException.class, () -> builder.margin(-1f).build(), "margin", "-1");
     * }</pre>
     *
     * @param type the exception type expected
     * @param call the code that must throw
     * @param fragments texts the message must contain, in any order
     * @param <T> the exception type
     * @return the exception, for further assertions
     */
    public static <T extends Throwable> T rejects(Class<T> type, Executable call, String... fragments) {
        T thrown = assertThrows(type, call);
        String message = thrown.getMessage();
        for (String fragment : fragments) {
            assertTrue(message != null && message.contains(fragment),
                    () -> "the message lacks \"" + fragment + "\": " + message);
        }
        return thrown;
    }
}
