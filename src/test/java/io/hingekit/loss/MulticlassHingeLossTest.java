package io.hingekit.loss;

import static io.hingekit.loss.LossFixtures.CLASS_WEIGHTS;
import static io.hingekit.loss.LossFixtures.SAMPLE_WEIGHTS;
import static io.hingekit.loss.LossFixtures.SCORES;
import static io.hingekit.loss.LossFixtures.SCORES_SHAPE;
import static io.hingekit.loss.LossFixtures.assertGradientMatchesFiniteDifferences;
import static io.hingekit.loss.LossFixtures.assertScalar;
import static io.hingekit.loss.LossFixtures.assertValues;
import static io.hingekit.loss.LossFixtures.labels;
import static io.hingekit.loss.LossFixtures.list;
import static io.hingekit.loss.LossFixtures.scores;
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
import io.hingekit.loss.MulticlassHingeLoss.Variant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@ExtendWith(NDManagerExtension.class)
class MulticlassHingeLossTest {

    // torch.nn.MultiMarginLoss, printed by src/test/python/loss_reference.py.
    private static final double[] TORCH_P1_M1 = {0.1, 0.275, 0.4, 0.9, 0.4625};
    private static final double TORCH_P1_M1_MEAN = 0.4275;
    private static final double[] TORCH_P2_M1 = {0.04, 0.1825, 0.35125, 2.17125, 0.430625};
    private static final double TORCH_P2_M1_MEAN = 0.635125;
    private static final double[] TORCH_P1_M05 = {0.0, 0.075, 0.15, 0.65, 0.2125};
    private static final double TORCH_P1_M05_MEAN = 0.2175;
    private static final double[] TORCH_P2_M2_WEIGHTED = {1.405, 0.66125, 2.6353125, 4.546875, 1.040625};
    private static final double TORCH_P2_M2_WEIGHTED_MEAN = 2.0578125;
    private static final double TORCH_P1_M1_WEIGHTED_MEAN = 0.41375;
    // sklearn.metrics.hinge_loss multi-class, and numpy loops, from the same script.
    private static final double SKLEARN_CS_MEAN = 1.22;
    private static final double SKLEARN_CS_SAMPLE_WEIGHTED_MEAN = 0.9076923077;
    private static final double[] NUMPY_CS_P1_M1 = {0.4, 0.8, 1.05, 2.85, 1.0};
    private static final double[] NUMPY_CS_P2_M05 = {0.0, 0.09, 0.3025, 5.5225, 0.25};
    private static final double[] NUMPY_OVR_P1_M1 = {3.4, 4.0, 3.35, 4.85, 3.7};
    private static final double[] NUMPY_OVR_P2_M05 = {1.93, 2.81, 1.57, 7.0725, 1.545};

    @TestManager
    private NDManager manager;

    private NDList scoresOf(DataType dataType) {
        return list(scores(manager, dataType));
    }

    @ParameterizedTest
    @EnumSource(names = {"FLOAT32", "FLOAT64"})
    void defaultMatchesTorchMultiMarginLoss(DataType dataType) {
        MulticlassHingeLoss loss = MulticlassHingeLoss.builder().build();
        assertValues(TORCH_P1_M1, loss.perSample(list(labels(manager)), scoresOf(dataType)));
        NDArray mean = loss.evaluate(list(labels(manager)), scoresOf(dataType));
        assertScalar(TORCH_P1_M1_MEAN, mean);
        assertEquals(dataType, mean.getDataType(), "computed in the input dtype");
    }

    @ParameterizedTest
    @EnumSource(names = {"FLOAT32", "FLOAT64"})
    void squaredMatchesTorchP2(DataType dataType) {
        MulticlassHingeLoss loss = MulticlassHingeLoss.builder().power(2).build();
        assertValues(TORCH_P2_M1, loss.perSample(list(labels(manager)), scoresOf(dataType)));
        assertScalar(TORCH_P2_M1_MEAN, loss.evaluate(list(labels(manager)), scoresOf(dataType)));
    }

    @Test
    void squaredSwitchEqualsPowerTwo() {
        MulticlassHingeLoss loss = MulticlassHingeLoss.builder().squared(true).build();
        assertScalar(TORCH_P2_M1_MEAN, loss.evaluate(list(labels(manager)), scoresOf(DataType.FLOAT32)));
    }

    @Test
    void marginMatchesTorch() {
        MulticlassHingeLoss loss = MulticlassHingeLoss.builder().margin(0.5f).build();
        assertValues(TORCH_P1_M05, loss.perSample(list(labels(manager)), scoresOf(DataType.FLOAT32)));
        assertScalar(TORCH_P1_M05_MEAN, loss.evaluate(list(labels(manager)), scoresOf(DataType.FLOAT32)));
    }

    @ParameterizedTest
    @EnumSource(names = {"FLOAT32", "FLOAT64"})
    void classWeightsMatchTorchWeightOfTrueClassAfterPower(DataType dataType) {
        MulticlassHingeLoss loss =
                MulticlassHingeLoss.builder().margin(2f).power(2).classWeights(CLASS_WEIGHTS).build();
        assertValues(TORCH_P2_M2_WEIGHTED, loss.perSample(list(labels(manager)), scoresOf(dataType)));
        assertScalar(TORCH_P2_M2_WEIGHTED_MEAN, loss.evaluate(list(labels(manager)), scoresOf(dataType)));
    }

    @Test
    void classWeightedMeanDividesByBatchSizeNotWeightSum() {
        MulticlassHingeLoss loss = MulticlassHingeLoss.builder().classWeights(CLASS_WEIGHTS).build();
        // torch gives 0.41375; dividing by the sum of the true-class weights would give 0.3761363636.
        assertScalar(TORCH_P1_M1_WEIGHTED_MEAN, loss.evaluate(list(labels(manager)), scoresOf(DataType.FLOAT32)));
    }

    @Test
    void westonWatkinsWithoutDivisionIsTorchTimesClassCount() {
        MulticlassHingeLoss loss = MulticlassHingeLoss.builder().divideByClasses(false).build();
        double[] expected = new double[TORCH_P1_M1.length];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = TORCH_P1_M1[i] * SCORES_SHAPE.get(1);
        }
        assertValues(expected, loss.perSample(list(labels(manager)), scoresOf(DataType.FLOAT32)));
    }

    @Test
    void crammerSingerDefaultMatchesSklearnHingeLoss() {
        MulticlassHingeLoss loss = MulticlassHingeLoss.builder().variant(Variant.CRAMMER_SINGER).build();
        assertValues(NUMPY_CS_P1_M1, loss.perSample(list(labels(manager)), scoresOf(DataType.FLOAT32)));
        assertScalar(SKLEARN_CS_MEAN, loss.evaluate(list(labels(manager)), scoresOf(DataType.FLOAT32)));
    }

    @Test
    void crammerSingerMatchesSklearnSampleWeightsScaledToMeanOne() {
        MulticlassHingeLoss loss = MulticlassHingeLoss.builder().variant(Variant.CRAMMER_SINGER).build();
        // sklearn averages with weights (divides by their sum, 6.5); ours divides by N = 5.
        double[] scaled = new double[SAMPLE_WEIGHTS.length];
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] = SAMPLE_WEIGHTS[i] * 5 / 6.5;
        }
        NDList labels = list(labels(manager), manager.create(scaled));
        assertScalar(SKLEARN_CS_SAMPLE_WEIGHTED_MEAN, loss.evaluate(labels, scoresOf(DataType.FLOAT32)));
    }

    @ParameterizedTest
    @EnumSource(names = {"FLOAT32", "FLOAT64"})
    void crammerSingerSquaredWithMarginMatchesNumpy(DataType dataType) {
        MulticlassHingeLoss loss =
                MulticlassHingeLoss.builder().variant(Variant.CRAMMER_SINGER).margin(0.5f).squared(true).build();
        assertValues(NUMPY_CS_P2_M05, loss.perSample(list(labels(manager)), scoresOf(dataType)));
    }

    @ParameterizedTest
    @EnumSource(names = {"FLOAT32", "FLOAT64"})
    void oneVsRestSumsBinaryHingesPerClass(DataType dataType) {
        MulticlassHingeLoss plain = MulticlassHingeLoss.builder().variant(Variant.ONE_VS_REST).build();
        assertValues(NUMPY_OVR_P1_M1, plain.perSample(list(labels(manager)), scoresOf(dataType)));
        MulticlassHingeLoss squared =
                MulticlassHingeLoss.builder().variant(Variant.ONE_VS_REST).margin(0.5f).power(2).build();
        assertValues(NUMPY_OVR_P2_M05, squared.perSample(list(labels(manager)), scoresOf(dataType)));
    }

    @Test
    void handComputedSampleForEachVariant() {
        // scores (2, 1, 0), label 2. WW: (1-0+2) + (1-0+1) = 5, CS: 1 + 2 - 0 = 3, OvR: (1+2) + (1+1) + (1-0) = 6.
        NDList labels = list(manager.create(new int[] {2}));
        NDList scores = list(manager.create(new float[] {2, 1, 0}, new Shape(1, 3)));
        assertScalar(5.0 / 3, MulticlassHingeLoss.builder().build().evaluate(labels, scores));
        assertScalar(3, MulticlassHingeLoss.builder().variant(Variant.CRAMMER_SINGER).build().evaluate(labels, scores));
        assertScalar(6, MulticlassHingeLoss.builder().variant(Variant.ONE_VS_REST).build().evaluate(labels, scores));
        assertScalar(2, MulticlassHingeLoss.builder().variant(Variant.ONE_VS_REST).divideByClasses(true).build()
                .evaluate(labels, scores));
    }

    @Test
    void sampleWeightsMultiplyEachSampleAndMeanDividesByN() {
        NDList labels = list(labels(manager), manager.create(SAMPLE_WEIGHTS));
        double expected = 0;
        for (int i = 0; i < TORCH_P1_M1.length; i++) {
            expected += SAMPLE_WEIGHTS[i] * TORCH_P1_M1[i] / TORCH_P1_M1.length;
        }
        assertScalar(expected, MulticlassHingeLoss.builder().build().evaluate(labels, scoresOf(DataType.FLOAT32)));
    }

    @ParameterizedTest
    @EnumSource(names = {"INT32", "INT64", "FLOAT32", "FLOAT64"})
    void acceptsLabelsOfAnyNumericType(DataType labelType) {
        NDList labels = list(labels(manager).toType(labelType, false).reshape(5, 1));
        MulticlassHingeLoss loss = MulticlassHingeLoss.builder().build();
        assertScalar(TORCH_P1_M1_MEAN, loss.evaluate(labels, scoresOf(DataType.FLOAT32)));
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void gradientMatchesFiniteDifferences(Variant variant) {
        for (int power = 1; power <= 2; power++) {
            MulticlassHingeLoss loss = MulticlassHingeLoss.builder()
                    .variant(variant).power(power).margin(0.75f).classWeights(CLASS_WEIGHTS).build();
            NDList labels = list(labels(manager), manager.create(SAMPLE_WEIGHTS));
            assertGradientMatchesFiniteDifferences(
                    manager, SCORES, SCORES_SHAPE, scores -> loss.evaluate(labels, list(scores)));
        }
    }

    @Test
    void rejectsLabelOutsideClassRange() {
        NDList labels = list(manager.create(new long[] {2, 0, 4, 1, 0}));
        Expect.rejects(IllegalArgumentException.class,
                () -> MulticlassHingeLoss.builder().build().evaluate(labels, scoresOf(DataType.FLOAT32)),
                "[0, 4)", "first: 4");
    }

    @Test
    void rejectsNegativeLabel() {
        NDList labels = list(manager.create(new int[] {2, -1, 3, 1, 0}));
        Expect.rejects(IllegalArgumentException.class,
                () -> MulticlassHingeLoss.builder().build().evaluate(labels, scoresOf(DataType.FLOAT32)), "first: -1");
    }

    @Test
    void rejectsFractionalLabel() {
        NDList labels = list(manager.create(new float[] {2, 0, 1.5f, 1, 0}));
        Expect.rejects(IllegalArgumentException.class,
                () -> MulticlassHingeLoss.builder().build().evaluate(labels, scoresOf(DataType.FLOAT32)), "first: 1.5");
    }

    @Test
    void skipsLabelChecksWhenValidationIsOff() {
        // A negative sample weight is rejected when validating and passed through when not: -1 * 0.1 / 5.
        NDList labels = list(labels(manager), manager.create(new float[] {-1, 0, 0, 0, 0}));
        assertThrows(IllegalArgumentException.class,
                () -> MulticlassHingeLoss.builder().build().evaluate(labels, scoresOf(DataType.FLOAT32)));
        MulticlassHingeLoss unchecked = MulticlassHingeLoss.builder().validateLabels(false).build();
        assertScalar(-0.02, unchecked.evaluate(labels, scoresOf(DataType.FLOAT32)));
    }

    @Test
    void rejectsLabelCountNotMatchingScores() {
        NDList labels = list(manager.create(new long[] {2, 0, 3}));
        Expect.rejects(IllegalArgumentException.class,
                () -> MulticlassHingeLoss.builder().build().evaluate(labels, scoresOf(DataType.FLOAT32)),
                "labels must have shape (5)");
    }

    @Test
    void rejectsSampleWeightCountNotMatchingScores() {
        NDList labels = list(labels(manager), manager.create(new float[] {1, 1}));
        Expect.rejects(IllegalArgumentException.class,
                () -> MulticlassHingeLoss.builder().build().evaluate(labels, scoresOf(DataType.FLOAT32)),
                "sample weights must have shape (5)");
    }

    @Test
    void rejectsNegativeSampleWeight() {
        NDList labels = list(labels(manager), manager.create(new float[] {1, 1, -2, 1, 1}));
        Expect.rejects(IllegalArgumentException.class,
                () -> MulticlassHingeLoss.builder().build().evaluate(labels, scoresOf(DataType.FLOAT32)),
                "sample weight", "first: -2");
    }

    @Test
    void rejectsScoresThatAreNotAMatrix() {
        NDList scores = list(manager.create(new float[] {1, 2, 3, 4, 5}));
        Expect.rejects(IllegalArgumentException.class,
                () -> MulticlassHingeLoss.builder().build().evaluate(list(labels(manager)), scores), "(N, C)");
    }

    @Test
    void rejectsClassWeightsOfWrongLength() {
        MulticlassHingeLoss loss = MulticlassHingeLoss.builder().classWeights(new float[] {1, 1, 1}).build();
        Expect.rejects(IllegalArgumentException.class,
                () -> loss.evaluate(list(labels(manager)), scoresOf(DataType.FLOAT32)),
                "classWeights has 3 entries but the scores have 4 classes");
    }

    @Test
    void rejectsNegativeClassWeight() {
        Expect.rejects(IllegalArgumentException.class,
                () -> MulticlassHingeLoss.builder().classWeights(new float[] {1, -0.5f, 1, 1}).build(),
                "classWeights[1]", "-0.5");
    }

    @Test
    void rejectsNegativeMargin() {
        Expect.rejects(IllegalArgumentException.class,
                () -> MulticlassHingeLoss.builder().margin(-1f).build(), "margin", "-1.0");
    }

    @Test
    void rejectsPowerOtherThanOneOrTwo() {
        Expect.rejects(IllegalArgumentException.class,
                () -> MulticlassHingeLoss.builder().power(3).build(), "power must be 1 or 2, got 3");
    }
}
