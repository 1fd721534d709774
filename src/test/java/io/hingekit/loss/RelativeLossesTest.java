package io.hingekit.loss;

import static io.hingekit.loss.LossFixtures.BINARY_LABELS_01;
import static io.hingekit.loss.LossFixtures.BINARY_SCORES;
import static io.hingekit.loss.LossFixtures.SCORES;
import static io.hingekit.loss.LossFixtures.SCORES_SHAPE;
import static io.hingekit.loss.LossFixtures.assertGradientMatchesFiniteDifferences;
import static io.hingekit.loss.LossFixtures.assertScalar;
import static io.hingekit.loss.LossFixtures.assertValues;
import static io.hingekit.loss.LossFixtures.labels;
import static io.hingekit.loss.LossFixtures.list;
import static io.hingekit.loss.LossFixtures.scores;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.hingekit.Expect;
import io.hingekit.NDManagerExtension;
import io.hingekit.TestManager;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Perceptron, logistic and smoothed hinge against src/test/python/relatives_reference.py (loops and PyTorch). */
@ExtendWith(NDManagerExtension.class)
class RelativeLossesTest {

    private static final double[] PERCEPTRON_BINARY = {0, 0, 0, 0, 0.05, 0};
    private static final double[] PERCEPTRON_MULTI = {0, 0, 0.05, 1.85, 0};
    // torch.nn.functional.soft_margin_loss and cross_entropy, reduction none
    private static final double[] LOGISTIC_BINARY =
            {0.3711006659, 0.5543552445, 0.1677860294, 0.2632824673, 0.7184596480, 0.5130152524};
    private static final double[] LOGISTIC_MULTI = {0.7163663218, 0.9407542532, 1.0811742964, 2.1250350059,
        1.1664720775};
    private static final double[] SMOOTHED_BINARY = {0.02, 0.245, 0, 0, 0.55, 0.18};
    private static final double[] SMOOTHED_MULTI = {0.08, 0.32, 0.55, 2.35, 0.5};
    private static final double[] SMOOTHED_MULTI_MARGIN_2 = {0.9, 1.3, 1.55, 3.35, 1.5};

    @TestManager
    private NDManager manager;

    private NDList binaryScores() {
        return list(manager.create(BINARY_SCORES));
    }

    private NDList binaryLabels() {
        return list(manager.create(BINARY_LABELS_01));
    }

    @Test
    void perceptronIsTheHingeAtMarginZero() {
        PerceptronLoss loss = PerceptronLoss.builder().build();
        assertValues(PERCEPTRON_BINARY, loss.perSample(binaryLabels(), binaryScores()));
        assertValues(PERCEPTRON_MULTI, loss.perSample(list(labels(manager)), list(scores(manager, DataType.FLOAT32))));
        assertScalar(Arrays.stream(PERCEPTRON_MULTI).average().orElseThrow(),
                loss.evaluate(list(labels(manager)), list(scores(manager, DataType.FLOAT64))));
    }

    @Test
    void logisticMatchesTorchSoftMarginAndCrossEntropy() {
        LogisticLoss loss = LogisticLoss.builder().build();
        assertValues(LOGISTIC_BINARY, loss.perSample(binaryLabels(), binaryScores()));
        assertValues(LOGISTIC_MULTI, loss.perSample(list(labels(manager)), list(scores(manager, DataType.FLOAT64))));
    }

    @Test
    void smoothedHingeMatchesRennieSrebroLoop() {
        assertValues(SMOOTHED_BINARY, SmoothedHingeLoss.builder().build().perSample(binaryLabels(), binaryScores()));
        assertValues(SMOOTHED_MULTI, SmoothedHingeLoss.builder().build()
                .perSample(list(labels(manager)), list(scores(manager, DataType.FLOAT32))));
        assertValues(SMOOTHED_MULTI_MARGIN_2, SmoothedHingeLoss.builder().margin(2f).build()
                .perSample(list(labels(manager)), list(scores(manager, DataType.FLOAT64))));
    }

    @Test
    void smoothedHingeAndLogisticGradientsMatchFiniteDifferences() {
        LogisticLoss logistic = LogisticLoss.builder().build();
        assertGradientMatchesFiniteDifferences(manager, SCORES, SCORES_SHAPE,
                s -> logistic.evaluate(list(labels(s.getManager())), list(s)));
        // binary margins lie away from the smoothed hinge's joins at z = 0 and z = 1
        for (AbstractHingeLoss loss : new AbstractHingeLoss[] {SmoothedHingeLoss.builder().build(), logistic}) {
            assertGradientMatchesFiniteDifferences(manager, BINARY_SCORES, new Shape(BINARY_SCORES.length),
                    s -> loss.evaluate(list(s.getManager().create(BINARY_LABELS_01)), list(s)));
        }
    }

    @Test
    void marginsThatTheLossDoesNotHaveAreRefused() {
        Expect.rejects(IllegalArgumentException.class, () -> PerceptronLoss.builder().margin(1f).build(), "margin");
        Expect.rejects(IllegalArgumentException.class, () -> LogisticLoss.builder().margin(0.5f).build(), "margin");
    }
}
