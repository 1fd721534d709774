package io.hingekit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** {@link Expect#rejects}: passes only for the expected type with every fragment in the message. */
class ExpectTest {

    private static final IllegalArgumentException BAD_MARGIN =
            new IllegalArgumentException("loss.margin must be finite and >= 0, got -1.0");

    @Test
    void returnsTheExceptionWhenTheMessageHoldsEveryFragment() {
        assertSame(BAD_MARGIN, Expect.rejects(IllegalArgumentException.class, () -> {
            throw BAD_MARGIN;
        }, "loss.margin", "-1"));
        assertSame(BAD_MARGIN, Expect.rejects(RuntimeException.class, () -> {
            throw BAD_MARGIN;
        }));
    }

    @Test
    void failsWhenAFragmentIsMissingNamingItAndTheMessage() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> Expect.rejects(IllegalArgumentException.class, () -> {
                    throw BAD_MARGIN;
                }, "loss.margin", "-2"));
        assertTrue(e.getMessage().contains("\"-2\"") && e.getMessage().contains(BAD_MARGIN.getMessage()),
                e.getMessage());
    }

    @Test
    void failsWhenNothingOrSomethingElseIsThrown() {
        assertThrows(AssertionFailedError.class, () -> Expect.rejects(IllegalArgumentException.class, () -> {}));
        AssertionFailedError other = assertThrows(AssertionFailedError.class,
                () -> Expect.rejects(IllegalArgumentException.class, () -> {
                    throw new IllegalStateException("closed");
                }));
        assertEquals(IllegalStateException.class, other.getCause().getClass());
    }

    @Test
    void aNullMessageHoldsNoFragment() {
        assertThrows(AssertionFailedError.class, () -> Expect.rejects(IllegalStateException.class, () -> {
            throw new IllegalStateException();
        }, "closed"));
    }
}
