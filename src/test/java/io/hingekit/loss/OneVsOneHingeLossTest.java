package io.hingekit.loss;

import static io.hingekit.loss.LossFixtures.assertGradientMatchesFiniteDifferences;
import static io.hingekit.loss.LossFixtures.assertValues;
import static io.hingekit.loss.LossFixtures.list;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.hingekit.Expect;
import io.hingekit.NDManagerExtension;
import io.hingekit.TestManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The one-vs-one hinge and its votes against the loops of src/test/python/relatives_reference.py. */
@ExtendWith(NDManagerExtension.class)
class OneVsOneHingeLossTest {

    /** K = 4, pairs (0,1) (0,2) (0,3) (1,2) (1,3) (2,3); as PAIR_SCORES in the script. */
    private static final double[] PAIR_SCORES = {
        0.50, -1.20, 0.30, -0.70, 0.20, 1.50,
        2.00, 1.00, 0.80, 0.10, -0.40, 0.60,
        -0.30, 0.00, -0.90, 0.40, -1.10, -0.20,
        0.60, -0.60, 0.60, -0.60, 0.60, -0.60,
        -1.50, 0.20, 0.25, 1.40, 0.90, -0.10,
    };
    private static final Shape SHAPE = new Shape(5, 6);
    private static final long[] LABELS = {2, 0, 3, 1, 2};

    private static final double[] LOOP_M1_P1 = {0.1, 0.0666666667, 0.3, 1.2, 1.5666666667};
    private static final double[] LOOP_M05_P2 = {0, 0, 0.03, 0.8066666667, 1.4866666667};
    private static final double[] VOTES = {2, 1, 3, 0, 3, 1, 1, 1, 0, 2, 0, 3, 2, 1, 2, 1, 2, 3, 0, 1};
    private static final double[] SUMMED = {-0.4, -1.0, 3.4, -2.0, 3.8, -2.3, -0.5, -1.0, -1.2, -0.4, -0.6, 2.2,
        0.6, -0.6, 0.6, -0.6, -1.05, 3.8, -1.7, -1.05};
    private static final double[] CLASS_SCORES = {1.9047619048, 0.8333333333, 3.2575757576, -0.2222222222,
        3.2638888889, 0.7676767677, 0.8888888889, 0.8333333333, -0.1818181818, 1.9047619048, -0.1250000000,
        3.2291666667, 2.1250000000, 0.8750000000, 2.1250000000, 0.8750000000, 1.8292682927, 3.2638888889,
        -0.2098765432, 0.8292682927};
    /** Row 3 ties classes 0 and 2 in votes and summed score: the lower index wins. */
    private static final long[] PREDICTED = {2, 0, 3, 0, 1};
    private static final double[] SIGNED = {0.7, 0.8, 0.2, -0.6, -1.4};
    private static final double[] GAPS = {0.7, 0.8, 0.2, 0, 0.9};

    @TestManager
    private NDManager manager;

    private NDArray scores() {
        return manager.create(PAIR_SCORES, SHAPE);
    }

    @Test
    void lossMatchesTheLoopOverTheTrueClassPairs() {
        OneVsOneHingeLoss plain = OneVsOneHingeLoss.builder().numClasses(4).build();
        assertValues(LOOP_M1_P1, plain.perSample(list(manager.create(LABELS)), list(scores())));
        OneVsOneHingeLoss squared = OneVsOneHingeLoss.builder().numClasses(4).margin(0.5f).power(2).build();
        assertValues(LOOP_M05_P2,
                squared.perSample(list(manager.create(LABELS)), list(scores().toType(DataType.FLOAT32, false))));
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        OneVsOneHingeLoss loss = OneVsOneHingeLoss.builder().numClasses(4).margin(0.5f).power(2).build();
        assertGradientMatchesFiniteDifferences(manager, PAIR_SCORES, SHAPE,
                s -> loss.evaluate(list(s.getManager().create(LABELS)), list(s)));
    }

    @Test
    void votesPredictionsAndMarginsMatchTheLoop() {
        ClassPairs pairs = new ClassPairs(4);
        assertValues(VOTES, pairs.votes(scores()).reshape(-1));
        assertValues(SUMMED, pairs.summed(scores()).reshape(-1));
        assertValues(CLASS_SCORES, pairs.classScores(scores()).reshape(-1));
        assertArrayEquals(PREDICTED, pairs.predicted(scores()).toLongArray());
        assertValues(SIGNED, pairs.signed(scores(), manager.create(LABELS)));
        assertValues(GAPS, pairs.gap(scores()));
    }

    @Test
    void scoresOfTheWrongWidthAreRefused() {
        OneVsOneHingeLoss loss = OneVsOneHingeLoss.builder().numClasses(5).build();
        Expect.rejects(IllegalArgumentException.class,
                () -> loss.perSample(list(manager.create(LABELS)), list(scores())), "(N, 10)", "(5, 6)");
        Expect.rejects(IllegalArgumentException.class, () -> OneVsOneHingeLoss.builder().build(), "numClasses");
    }
}
