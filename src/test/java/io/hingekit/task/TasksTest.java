package io.hingekit.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.hingekit.Expect;
import io.hingekit.NDManagerExtension;
import io.hingekit.TestManager;
import io.hingekit.config.ConfigWord;
import io.hingekit.config.LossConfig;
import io.hingekit.config.LossType;
import io.hingekit.config.MinerType;
import io.hingekit.config.ReductionType;
import io.hingekit.config.SelectBy;
import io.hingekit.config.VectorDistance;
import io.hingekit.mining.TripletHingeLoss;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The triplet options of the loss section. The batch, worked by hand: 1-D embeddings 0, 2, 3 with labels 0, 0, 1
 * give two batch-all triplets, (0, 1, 2) with d(a,p) = 2, d(a,n) = 3 and (1, 0, 2) with d(a,p) = 2, d(a,n) = 1;
 * hinges at margin 0.2: max(0, -0.8) = 0 and 1.2; soft margins: ln(1 + e^-1) = 0.3132617 and ln(1 + e) = 1.3132617.
 * Contrastive at margin 2, all ordered pairs: positives (0,1), (1,0) at 2; negatives (0,2), (2,0) at 3 and (1,2),
 * (2,1) at 1, hinges max(0, 2 - d) = 0, 0, 1, 1; per-pair losses 2, 2, 0, 0, 1, 1. Batch-hard mines (0, 1, 2) and
 * (1, 0, 2) (sample 2 has no positive), whose pairs give 2, 2 and hinges 0, 1.
 */
@ExtendWith(NDManagerExtension.class)
class TasksTest {

    @TestManager
    private NDManager manager;

    @Test
    void meanNonzeroIsTheDefaultReduction() {
        assertEquals(1.2, loss(config("batch-all", null, null, null)), 1e-6);
    }

    @Test
    void meanReductionAveragesTheZeroLossTripletsToo() {
        assertEquals(0.6, loss(config("batch-all", "mean", null, null)), 1e-6);
    }

    @Test
    void softMarginUsesSoftplus() {
        assertEquals((0.3132617 + 1.3132617) / 2, loss(config("batch-all", null, true, null)), 1e-6);
    }

    @Test
    void maxTripletsCapsBatchAll() {
        TripletHingeLoss loss = (TripletHingeLoss) task(config("batch-all", null, null, 1), 7).loss();
        assertEquals(1, loss.perSample(labels(), embeddings()).size());
    }

    @Test
    void badTripletOptionsAreNamed() {
        IllegalArgumentException reduction = assertThrows(IllegalArgumentException.class,
                () -> config("batch-all", "median", null, null));
        assertEquals("must be one of mean-nonzero, mean, got 'median'", reduction.getMessage());
        Expect.rejects(IllegalArgumentException.class, () -> config("batch-hard", null, null, 10), "loss.maxTriplets");
    }

    @Test
    void contrastiveScoresEveryPairWithoutAMiner() {
        assertEquals(6.0 / 4, loss(contrastive(null, null)), 1e-6);
        assertEquals(6.0 / 6, loss(contrastive(null, "mean")), 1e-6);
    }

    @Test
    void contrastiveWithAMinerScoresThePairsOfTheMinedTriplets() {
        assertEquals(5.0 / 3, loss(contrastive("batch-hard", null)), 1e-6);
    }

    @Test
    void contrastiveDefaultsToMarginOne() {
        LossConfig noMargin = new LossConfig(LossType.CONTRASTIVE, null, null, null, null, null, null, null, null, null,
                null, null, null);
        // margin 1: every negative hinge is 0, so only the two positive pairs at 2 count
        assertEquals(2, loss(noMargin), 1e-6);
    }

    private double loss(LossConfig config) {
        return task(config, 0).loss().evaluate(labels(), embeddings()).getFloat();
    }

    private static EmbeddingTask task(LossConfig config, long seed) {
        return EmbeddingTask.of(config, 1, seed, new SelectionCriterion(SelectBy.MAP_AT_R));
    }

    private NDList labels() {
        return new NDList(manager.create(new long[] {0, 0, 1}));
    }

    private NDList embeddings() {
        return new NDList(manager.create(new float[] {0, 2, 3}, new Shape(3, 1)));
    }

    private static LossConfig contrastive(String miner, String reduction) {
        return new LossConfig(LossType.CONTRASTIVE, null, 2.0, null, null, null, null, null, word(MinerType.class, miner),
                VectorDistance.EUCLIDEAN, word(ReductionType.class, reduction), null, null);
    }

    private static LossConfig config(String miner, String reduction, Boolean softMargin, Integer maxTriplets) {
        return new LossConfig(LossType.TRIPLET, null, 0.2, null, null, null, null, null, word(MinerType.class, miner),
                VectorDistance.EUCLIDEAN, word(ReductionType.class, reduction), softMargin, maxTriplets);
    }

    private static <E extends Enum<E> & ConfigWord> E word(Class<E> type, String text) {
        return text == null ? null : ConfigWord.parse(type, text);
    }
}
