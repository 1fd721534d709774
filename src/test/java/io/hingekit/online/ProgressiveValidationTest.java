package io.hingekit.online;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProgressiveValidationTest {

    @Test
    void figuresCoverTheWholeStreamAndTheLatestWindow() {
        ProgressiveValidation p = new ProgressiveValidation(3, ProgressiveValidation.Totals.EMPTY);
        p.record(true, 0);
        p.record(false, 1.5);
        p.record(true, 0.5);
        p.record(false, 2);    // pushes out the first example
        ProgressiveValidation.Figures f = p.figures();
        assertEquals(4, f.examples());
        assertEquals(0.5, f.accuracy(), 1e-15);
        assertEquals(4.0 / 4, f.hingeLoss(), 1e-15);
        assertEquals(3.0 / 4, f.violationRate(), 1e-15);
        assertEquals(3, f.windowExamples());
        assertEquals(1.0 / 3, f.windowAccuracy(), 1e-15);
        assertEquals(4.0 / 3, f.windowHingeLoss(), 1e-15);
        assertEquals(1.0, f.windowViolationRate(), 1e-15);
    }

    @Test
    void totalsContinueFromACheckpointAndTheWindowStartsEmpty() {
        ProgressiveValidation p = new ProgressiveValidation(10, new ProgressiveValidation.Totals(4, 3, 1.0, 1));
        p.record(false, 3);
        ProgressiveValidation.Figures f = p.figures();
        assertEquals(5, f.examples());
        assertEquals(3.0 / 5, f.accuracy(), 1e-15);
        assertEquals(4.0 / 5, f.hingeLoss(), 1e-15);
        assertEquals(2.0 / 5, f.violationRate(), 1e-15);
        assertEquals(1, f.windowExamples());
        assertEquals(0, f.windowAccuracy());
    }
}
