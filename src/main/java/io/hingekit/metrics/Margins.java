package io.hingekit.metrics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import io.hingekit.loss.ClassPairs;

/**
 * The margins of class scores, on the device: the signed margin (needs the label) and the label-free gap. Binary
 * models give one score {@code s} per sample, multi-class models {@code C}.
 */
public final class Margins {

    private Margins() {}

    /**
     * Returns the head of a network whose primary prediction (index 0) gives the class and whose prediction
     * {@code hingeIndex} holds the hinge scores, one per sample (binary) or one per class.
     *
     * @param hingeIndex index of the hinge scores among the predictions
     * @param binary whether the scores are binary
     * @return the head
     */
    public static ScoreHead head(int hingeIndex, boolean binary) {
        return new ScoreHead() {
            @Override
            public boolean binary() {
                return binary;
            }

            @Override
            public NDArray predicted(NDList predictions) {
                return Margins.predicted(predictions.get(0), binary);
            }

            @Override
            public NDArray signed(NDList predictions, NDArray labels) {
                return Margins.signed(predictions.get(hingeIndex), labels, binary);
            }

            @Override
            public NDArray gap(NDList predictions) {
                return Margins.gap(predictions.get(hingeIndex), binary);
            }

            @Override
            public NDArray classScores(NDList predictions) {
                return predictions.get(hingeIndex);
            }
        };
    }

    /**
     * Returns the head of a one-vs-one network whose prediction 0 holds the K(K-1)/2 pairwise scores: the class is
     * the vote (most votes, then summed pairwise score, then lower index), the signed margin the true class's worst
     * signed duel score, the gap the winner's worst duel score floored at 0, and the class scores the votes plus the
     * squashed summed pairwise score ({@link ClassPairs}).
     *
     * @param pairs the class pairs of the scores
     * @return the head
     */
    public static ScoreHead oneVsOne(ClassPairs pairs) {
        return new ScoreHead() {
            @Override
            public boolean binary() {
                return false;
            }

            @Override
            public NDArray predicted(NDList predictions) {
                return pairs.predicted(predictions.get(0));
            }

            @Override
            public NDArray signed(NDList predictions, NDArray labels) {
                return pairs.signed(predictions.get(0), labels);
            }

            @Override
            public NDArray gap(NDList predictions) {
                return pairs.gap(predictions.get(0));
            }

            @Override
            public NDArray classScores(NDList predictions) {
                return pairs.classScores(predictions.get(0));
            }
        };
    }

    /**
     * Maps binary labels to signs: {0,1} to {-1,+1}; {-1,+1} stay.
     *
     * @param labels the labels (N)
     * @return the signs as float32 (N)
     */
    public static NDArray signs(NDArray labels) {
        NDArray y = labels.toType(DataType.FLOAT32, false);
        return NDArrays.where(y.eq(0), y.sub(1), y);
    }

    /**
     * Returns the signed margin: {@code y*s} (binary) or {@code s_y - max_{j!=y} s_j} (multi-class); positive
     * means the label's side, and a hinge loss is zero once it reaches the loss's margin.
     *
     * @param scores scores (N) or (N, 1) for binary, (N, C) otherwise
     * @param labels labels (N)
     * @param binary whether the scores are binary
     * @return the signed margins (N)
     */
    public static NDArray signed(NDArray scores, NDArray labels, boolean binary) {
        if (binary) {
            return scores.reshape(-1).mul(signs(labels));
        }
        int classes = Math.toIntExact(scores.getShape().get(1));
        NDArray index = labels.toType(DataType.INT64, false).reshape(-1, 1);
        NDArray trueScore = scores.gather(index, 1).reshape(-1);
        NDArray isTrue = index.oneHot(classes).reshape(-1, classes).toType(DataType.BOOLEAN, false);
        NDArray others = NDArrays.where(isTrue, scores.onesLike().mul(Float.NEGATIVE_INFINITY), scores);
        return trueScore.sub(others.max(new int[] {1}));
    }

    /**
     * Returns the label-free margin: how close the decision is. Multi-class: the top score minus the second;
     * binary: {@code |s|}, the distance from the decision boundary in score units.
     *
     * @param scores scores (N) or (N, 1) for binary, (N, C) otherwise
     * @param binary whether the scores are binary
     * @return the gaps (N), never negative
     */
    public static NDArray gap(NDArray scores, boolean binary) {
        if (binary) {
            return scores.reshape(-1).abs();
        }
        long classes = scores.getShape().get(1);
        NDArray sorted = scores.sort(1);
        return sorted.get(":, " + (classes - 1)).sub(sorted.get(":, " + (classes - 2)));
    }

    /**
     * Returns the predicted class: the highest score, or for binary scores 1 where {@code s > 0}.
     *
     * @param scores scores (N) or (N, 1) for binary, (N, C) otherwise
     * @param binary whether the scores are binary
     * @return class indices as int64 (N)
     */
    public static NDArray predicted(NDArray scores, boolean binary) {
        return binary ? scores.reshape(-1).gt(0).toType(DataType.INT64, false)
                : scores.argMax(1).toType(DataType.INT64, false);
    }
}
