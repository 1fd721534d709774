package io.hingekit.loss;

import static io.hingekit.loss.LossFixtures.BINARY_LABELS_01;
import static io.hingekit.loss.LossFixtures.BINARY_SCORES;
import static io.hingekit.loss.LossFixtures.assertGradientMatchesFiniteDifferences;
import static io.hingekit.loss.LossFixtures.assertScalar;
import static io.hingekit.loss.LossFixtures.assertValues;
import static io.hingekit.loss.LossFixtures.list;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.hingekit.Expect;
import io.hingekit.NDManagerExtension;
import io.hingekit.TestManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@ExtendWith(NDManagerExtension.class)
class BinaryHingeLossTest {

    // torch.clamp(margin - y*s, min=0)[**2], printed by src/test/python/loss_reference.py.
    private static final double[] TORCH_M1 = {0.2, 0.7, 0.0, 0.0, 1.05, 0.6};
    private static final double[] TORCH_M1_SQUARED = {0.04, 0.49, 0.0, 0.0, 1.1025, 0.36};
    private static final double[] TORCH_M05 = {0.0, 0.2, 0.0, 0.0, 0.55, 0.1};
    private static final double[] TORCH_WEIGHTED = {0.4, 0.525, 0.0, 0.0, 0.525, 0.0};
    private static final double TORCH_WEIGHTED_MEAN = 0.2416666667;
    private static final double[] SAMPLE_WEIGHTS = {1.0, 3.0, 0.5, 1.0, 2.0, 0.0};
    // sklearn.metrics.hinge_loss, binary, from the same script.
    private static final double SKLEARN_MEAN = 0.425;
    private static final double SKLEARN_SAMPLE_WEIGHTED_MEAN = 0.5866666667;

    @TestManager
    private NDManager manager;

    private NDList scores(DataType dataType) {
        return list(manager.create(BINARY_SCORES).toType(dataType, false));
    }

    private NDArray zeroOneLabels() {
        return manager.create(BINARY_LABELS_01);
    }

    private NDArray signedLabels() {
        return zeroOneLabels().mul(2).sub(1);
    }

    @ParameterizedTest
    @EnumSource(names = {"FLOAT32", "FLOAT64"})
    void matchesTorchForZeroOneAndSignedLabels(DataType dataType) {
        BinaryHingeLoss loss = BinaryHingeLoss.builder().build();
        assertValues(TORCH_M1, loss.perSample(list(zeroOneLabels()), scores(dataType)));
        assertValues(TORCH_M1, loss.perSample(list(signedLabels()), scores(dataType)));
        assertEquals(dataType, loss.evaluate(list(zeroOneLabels()), scores(dataType)).getDataType());
    }

    @Test
    void squaredMatchesTorch() {
        BinaryHingeLoss loss = BinaryHingeLoss.builder().squared(true).build();
        assertValues(TORCH_M1_SQUARED, loss.perSample(list(zeroOneLabels()), scores(DataType.FLOAT32)));
    }

    @Test
    void marginMatchesTorch() {
        BinaryHingeLoss loss = BinaryHingeLoss.builder().margin(0.5f).build();
        assertValues(TORCH_M05, loss.perSample(list(signedLabels()), scores(DataType.FLOAT32)));
    }

    @Test
    void classAndSampleWeightsMatchTorch() {
        BinaryHingeLoss loss = BinaryHingeLoss.builder().positiveWeight(2f).negativeWeight(0.25f).build();
        NDList labels = list(zeroOneLabels(), manager.create(SAMPLE_WEIGHTS));
        assertValues(TORCH_WEIGHTED, loss.perSample(labels, scores(DataType.FLOAT32)));
        assertScalar(TORCH_WEIGHTED_MEAN, loss.evaluate(labels, scores(DataType.FLOAT32)));
    }

    @Test
    void matchesSklearnHingeLoss() {
        BinaryHingeLoss loss = BinaryHingeLoss.builder().build();
        assertScalar(SKLEARN_MEAN, loss.evaluate(list(zeroOneLabels()), scores(DataType.FLOAT32)));
    }

    @Test
    void matchesSklearnSampleWeightsScaledToMeanOne() {
        // sklearn divides by the weights' sum (7.5); ours divides by N = 6.
        double[] scaled = new double[SAMPLE_WEIGHTS.length];
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] = SAMPLE_WEIGHTS[i] * 6 / 7.5;
        }
        NDList labels = list(zeroOneLabels(), manager.create(scaled));
        BinaryHingeLoss loss = BinaryHingeLoss.builder().build();
        assertScalar(SKLEARN_SAMPLE_WEIGHTED_MEAN, loss.evaluate(labels, scores(DataType.FLOAT32)));
    }

    @Test
    void acceptsColumnScoresAndLabels() {
        NDList scores = list(manager.create(BINARY_SCORES, new Shape(6, 1)));
        NDList labels = list(zeroOneLabels().toType(DataType.INT32, false).reshape(6, 1));
        assertValues(TORCH_M1, BinaryHingeLoss.builder().build().perSample(labels, scores));
    }

    @Test
    void handComputedAllOnesBatchIsPositive() {
        // Labels all 1 read as +1 either way: max(0, 1 - 0.3) = 0.7 and max(0, 1 + 0.5) = 1.5.
        NDList labels = list(manager.create(new float[] {1, 1}));
        NDList scores = list(manager.create(new float[] {0.3f, -0.5f}));
        assertValues(new double[] {0.7, 1.5}, BinaryHingeLoss.builder().build().perSample(labels, scores));
    }

    @Test
    void rejectsZeroAmongSignedLabels() {
        // 0 is converted only when every label is 0 or 1; among -1/+1 labels it is an error.
        NDList labels = list(manager.create(new int[] {1, -1, 0, 1, -1, 1}));
        Expect.rejects(IllegalArgumentException.class,
                () -> BinaryHingeLoss.builder().build().evaluate(labels, scores(DataType.FLOAT32)),
                "also holds -1", "first: 0");
    }

    @Test
    void rejectsLabelOutsideBothConventions() {
        NDList labels = list(manager.create(new long[] {1, 0, 2, 0, 0, 1}));
        Expect.rejects(IllegalArgumentException.class,
                () -> BinaryHingeLoss.builder().build().evaluate(labels, scores(DataType.FLOAT32)),
                "not in {-1, +1} or {0, 1}; first: 2");
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        for (boolean squared : new boolean[] {false, true}) {
            BinaryHingeLoss loss = BinaryHingeLoss.builder()
                    .squared(squared).margin(1.25f).positiveWeight(2f).negativeWeight(0.5f).build();
            NDList labels = list(zeroOneLabels(), manager.create(SAMPLE_WEIGHTS));
            assertGradientMatchesFiniteDifferences(
                    manager, BINARY_SCORES, new Shape(6), scores -> loss.evaluate(labels, list(scores)));
        }
    }

    @Test
    void rejectsMultiColumnScores() {
        NDList scores = list(manager.create(new float[12], new Shape(6, 2)));
        Expect.rejects(IllegalArgumentException.class,
                () -> BinaryHingeLoss.builder().build().evaluate(list(zeroOneLabels()), scores),
                "(N) or (N, 1)", "(6, 2)");
    }

    @Test
    void rejectsLabelCountNotMatchingScores() {
        NDList labels = list(manager.create(new int[] {1, 0}));
        Expect.rejects(IllegalArgumentException.class,
                () -> BinaryHingeLoss.builder().build().evaluate(labels, scores(DataType.FLOAT32)),
                "labels must have shape (6)");
    }

    @Test
    void rejectsNegativeSampleWeight() {
        NDList labels = list(zeroOneLabels(), manager.create(new double[] {1, 1, 1, -0.5, 1, 1}));
        Expect.rejects(IllegalArgumentException.class,
                () -> BinaryHingeLoss.builder().build().evaluate(labels, scores(DataType.FLOAT32)), "first: -0.5");
    }

    @Test
    void rejectsNegativeMargin() {
        Expect.rejects(IllegalArgumentException.class, () -> BinaryHingeLoss.builder().margin(-0.1f).build(), "margin");
    }

    @Test
    void rejectsNonFiniteMargin() {
        assertThrows(IllegalArgumentException.class, () -> BinaryHingeLoss.builder().margin(Float.NaN).build());
    }

    @Test
    void rejectsNegativeClassWeights() {
        Expect.rejects(IllegalArgumentException.class,
                () -> BinaryHingeLoss.builder().positiveWeight(-1f).build(), "positiveWeight");
        Expect.rejects(IllegalArgumentException.class,
                () -> BinaryHingeLoss.builder().negativeWeight(-1f).build(), "negativeWeight");
    }
}
