package io.hingekit.serve;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RetrainSignalTest {

    @Test
    void entersAboveTheHighThresholdLeavesBelowTheLowOneAndWaitsItsMinimumTime() {
        RetrainSignal signal = new RetrainSignal(0.2, 0.1, 1000, 0);
        assertFalse(signal.update(0.5, 500), "not before the minimum time in the first state");
        assertTrue(signal.update(0.5, 1000));
        assertTrue(signal.on());
        assertFalse(signal.update(0.05, 1500), "too soon to leave");
        assertFalse(signal.update(0.15, 2500), "between the thresholds it stays on");
        assertTrue(signal.on());
        assertTrue(signal.update(0.09, 2500));
        assertFalse(signal.on());
        assertFalse(signal.update(0.15, 9000), "between the thresholds it stays off");
        assertFalse(signal.update(0.2, 9000), "enters only above 0.2");
        assertTrue(signal.update(0.21, 9000));
    }
}
