package io.hingekit.loss;

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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@ExtendWith(NDManagerExtension.class)
class AuxiliaryHingeLossTest {

    // torch.nn.functional.cross_entropy and torch.nn.MultiMarginLoss on SCORES, from loss_reference.py.
    private static final double TORCH_CROSS_ENTROPY = 1.2059603909;
    private static final double TORCH_CROSS_ENTROPY_BINARY_LABELS = 1.6059603909;
    private static final double TORCH_MULTI_MARGIN = 0.4275;
    private static final double[] TORCH_MULTI_MARGIN_PER_SAMPLE = {0.1, 0.275, 0.4, 0.9, 0.4625};

    @TestManager
    private NDManager manager;

    @ParameterizedTest
    @EnumSource(names = {"FLOAT32", "FLOAT64"})
    void addsLambdaTimesHingeToCrossEntropy(DataType dataType) {
        AuxiliaryHingeLoss loss = AuxiliaryHingeLoss.builder().lambda(0.5f).build();
        NDArray total = loss.evaluate(list(labels(manager)), list(scores(manager, dataType)));
        assertScalar(TORCH_CROSS_ENTROPY + 0.5 * TORCH_MULTI_MARGIN, total);
    }

    @Test
    void diagnosticsReportUnweightedPrimaryAndHingeInOrder() {
        AuxiliaryHingeLoss loss = AuxiliaryHingeLoss.builder().lambda(0.1f).build();
        Map<String, NDArray> parts = loss.diagnostics(list(labels(manager)), list(scores(manager, DataType.FLOAT32)));
        assertEquals(List.of("primary", "hinge"), List.copyOf(parts.keySet()));
        assertScalar(TORCH_CROSS_ENTROPY, parts.get("primary"));
        assertScalar(TORCH_MULTI_MARGIN, parts.get("hinge"));
    }

    @Test
    void perSampleIsTheHingePart() {
        AuxiliaryHingeLoss loss = AuxiliaryHingeLoss.builder().build();
        NDArray perSample = loss.perSample(list(labels(manager)), list(scores(manager, DataType.FLOAT32)));
        assertValues(TORCH_MULTI_MARGIN_PER_SAMPLE, perSample);
    }

    @Test
    void hingeReadsTheAuxiliaryHeadWhenAsked() {
        // Zero scores: each of the C - 1 = 3 wrong classes costs max(0, 1 - 0 + 0) = 1, divided by C = 4.
        AuxiliaryHingeLoss loss = AuxiliaryHingeLoss.builder().hingePredictionIndex(1).build();
        NDList predictions = list(scores(manager, DataType.FLOAT32), manager.zeros(SCORES_SHAPE));
        Map<String, NDArray> parts = loss.diagnostics(list(labels(manager)), predictions);
        assertScalar(TORCH_CROSS_ENTROPY, parts.get("primary"));
        assertScalar(0.75, parts.get("hinge"));
    }

    @Test
    void sampleWeightsWeightTheHingeOnly() {
        AuxiliaryHingeLoss loss = AuxiliaryHingeLoss.builder().build();
        NDList labels = list(labels(manager), manager.create(SAMPLE_WEIGHTS));
        double weightedHinge = 0;
        for (int i = 0; i < SAMPLE_WEIGHTS.length; i++) {
            weightedHinge += SAMPLE_WEIGHTS[i] * TORCH_MULTI_MARGIN_PER_SAMPLE[i] / SAMPLE_WEIGHTS.length;
        }
        Map<String, NDArray> parts = loss.diagnostics(labels, list(scores(manager, DataType.FLOAT32)));
        assertScalar(TORCH_CROSS_ENTROPY, parts.get("primary"));
        assertScalar(weightedHinge, parts.get("hinge"));
    }

    @Test
    void acceptsBinaryHingeOnAnAuxiliaryHead() {
        // Head scores (0.5, -2, 0, 0, 3) for 0/1 labels (1, 0, 1, 0, 0): hinges 0.5, 0, 1, 1, 4, mean 1.3.
        AuxiliaryHingeLoss loss = AuxiliaryHingeLoss.builder()
                .hinge(BinaryHingeLoss.builder().build()).hingePredictionIndex(1).lambda(2f).build();
        NDArray head = manager.create(new float[] {0.5f, -2f, 0f, 0f, 3f}, new Shape(5, 1));
        NDArray total = loss.evaluate(
                list(manager.create(new long[] {1, 0, 1, 0, 0})), list(scores(manager, DataType.FLOAT32), head));
        assertScalar(TORCH_CROSS_ENTROPY_BINARY_LABELS + 2 * 1.3, total);
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        AuxiliaryHingeLoss loss = AuxiliaryHingeLoss.builder()
                .lambda(0.7f).hinge(MulticlassHingeLoss.builder().squared(true).build()).build();
        NDList labels = list(labels(manager));
        assertGradientMatchesFiniteDifferences(
                manager, SCORES, SCORES_SHAPE, scores -> loss.evaluate(labels, list(scores)));
    }

    @Test
    void rejectsHingePredictionIndexBeyondPredictions() {
        AuxiliaryHingeLoss loss = AuxiliaryHingeLoss.builder().hingePredictionIndex(2).build();
        Expect.rejects(IllegalArgumentException.class,
                () -> loss.evaluate(list(labels(manager)), list(scores(manager, DataType.FLOAT32))),
                "hingePredictionIndex 2");
    }

    @Test
    void rejectsNegativeHingePredictionIndex() {
        Expect.rejects(IllegalArgumentException.class,
                () -> AuxiliaryHingeLoss.builder().hingePredictionIndex(-1).build(), "hingePredictionIndex");
    }

    @Test
    void rejectsNegativeLambda() {
        Expect.rejects(IllegalArgumentException.class,
                () -> AuxiliaryHingeLoss.builder().lambda(-0.5f).build(), "lambda", "-0.5");
    }

    @Test
    void rejectsMissingParts() {
        assertThrows(IllegalArgumentException.class, () -> AuxiliaryHingeLoss.builder().primary(null).build());
        assertThrows(IllegalArgumentException.class, () -> AuxiliaryHingeLoss.builder().hinge(null).build());
    }
}
