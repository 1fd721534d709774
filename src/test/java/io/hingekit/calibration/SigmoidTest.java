package io.hingekit.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hingekit.Expect;
import org.junit.jupiter.api.Test;

class SigmoidTest {

    @Test
    void handComputedValues() {
        assertEquals(0.5, new Sigmoid(-2.0, 0.0).probability(0.0), 0.0);
        assertEquals(1.0 / (1.0 + Math.exp(-1.0)), new Sigmoid(-1.0, 0.0).probability(1.0), 1e-15);
        assertEquals(1.0 / (1.0 + Math.exp(3.0)), new Sigmoid(2.0, 1.0).probability(1.0), 1e-15);
        // a * s + b = -(ln 2): p = 1 / (1 + 1/2) = 2/3
        assertEquals(2.0 / 3.0, new Sigmoid(-Math.log(2.0), 0.0).probability(1.0), 1e-15);
    }

    @Test
    void hugeArgumentsSaturateWithoutNaN() {
        Sigmoid sigmoid = new Sigmoid(-1.0, 0.5);
        assertEquals(1.0, sigmoid.probability(1e6), 0.0);
        assertEquals(0.0, sigmoid.probability(-1e6), 0.0);
        assertEquals(1.0, sigmoid.probability(Double.MAX_VALUE), 0.0);
        assertEquals(0.0, sigmoid.probability(-Double.MAX_VALUE), 0.0);
        assertEquals(1.0, sigmoid.probability(Double.POSITIVE_INFINITY), 0.0);
        // far tails keep their relative precision: 1 / (1 + e^700) = e^-700 / (1 + e^-700)
        double tail = new Sigmoid(1.0, 0.0).probability(700.0);
        assertTrue(tail > 0.0);
        assertEquals(Math.exp(-700.0), tail, Math.exp(-700.0) * 1e-14);
    }

    @Test
    void rejectsNonFiniteParameters() {
        Expect.rejects(IllegalArgumentException.class, () -> new Sigmoid(Double.NaN, 0), "a must be finite");
        Expect.rejects(IllegalArgumentException.class, () -> new Sigmoid(0, Double.POSITIVE_INFINITY),
                "b must be finite");
    }
}
