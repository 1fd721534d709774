package io.hingekit.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hingekit.config.SelectBy;
import io.hingekit.metrics.SplitResult;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SelectionCriterionTest {

    @Test
    void classifierRunsSelectByLowestLossAndEmbeddingRunsByHighestMapAtR() {
        SelectionCriterion loss = new SelectionCriterion(SelectBy.LOSS);
        assertEquals("loss", loss.name());
        assertTrue(loss.improves(0.5, 0.6));
        assertFalse(loss.improves(0.6 - 1e-7, 0.6), "changes below 1e-6 are no improvement");
        assertTrue(loss.improves(1e9, loss.initial()));

        SelectionCriterion map = new SelectionCriterion(SelectBy.MAP_AT_R);
        assertEquals("map_at_r", map.name());
        assertTrue(map.improves(0.9, 0.8));
        assertFalse(map.improves(0.7, 0.8));
        assertTrue(map.improves(0, map.initial()));
    }

    @Test
    void readsTheNamedFigureOfTheValidationResult() {
        SplitResult validation = new SplitResult(0.3, null, Map.of("precision_at_1", 0.7), Map.of());
        assertEquals(0.7, new SelectionCriterion(SelectBy.PRECISION_AT_1).value(validation));
        assertEquals(0.3, new SelectionCriterion(SelectBy.LOSS).value(validation));
    }
}
