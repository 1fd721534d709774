package io.hingekit.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.hingekit.util.Checks;

/**
 * The K(K-1)/2 class pairs of a one-vs-one head and how its pairwise scores become votes, per-class scores,
 * predictions and margins, all as array operations on the scores' device.
 *
 * <p>Pairs are numbered in row order: (0,1), (0,2), ..., (0,K-1), (1,2), ..., (K-2,K-1). Pair p = (i, j), i &lt; j, has
 * score {@code s_p}; positive means i, negative j. The pair structure is one sign matrix {@code T} (K x P), built on
 * the host once: {@code T[i][p] = +1}, {@code T[j][p] = -1}, 0 elsewhere; {@code T[c] . s} is class c's summed
 * pairwise score and {@code T[c][p] * s_p} its signed score in duel p.
 *
 * <ul>
 *   <li>Votes: class c gets one vote per pair it wins ({@code T[c][p] * s_p > 0}); a score of exactly 0 votes for
 *       neither class.
 *   <li>Prediction: the most votes; ties go to the larger summed pairwise score, then to the lower class index.
 *   <li>Per-class score: {@code votes_c + S_c / (3 (|S_c| + 1))}, {@code S_c} the summed pairwise score, scikit-learn's
 *       one-vs-one decision function; the second term lies in (-1/3, 1/3), so the score orders classes as the rule
 *       above does (up to float rounding of the second term between exact vote ties).
 *   <li>Signed margin (needs the label y): {@code min over y's K-1 pairs of T[y][p] * s_p}, the worst duel of the
 *       true class; positive means y wins all its duels (and is predicted), and the one-vs-one hinge is zero once it
 *       reaches the margin.
 *   <li>Gap (label-free): {@code max(0, min over the predicted class's K-1 pairs of its signed duel score)}: how
 *       decisively the winner won every duel, 0 when it lost one.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class ClassPairs {

    private final int numClasses;
    private final int count;
    private final float[] signs;

    /**
     * Builds the pairs of {@code numClasses} classes.
     *
     * @param numClasses K &gt;= 2
     */
    public ClassPairs(int numClasses) {
        Checks.check(numClasses >= 2, "numClasses", ">= 2", numClasses);
        this.numClasses = numClasses;
        this.count = numClasses * (numClasses - 1) / 2;
        this.signs = new float[numClasses * count];
        int p = 0;
        for (int i = 0; i < numClasses; i++) {
            for (int j = i + 1; j < numClasses; j++) {
                signs[i * count + p] = 1f;
                signs[j * count + p] = -1f;
                p++;
            }
        }
    }

    /**
     * Returns the number of pairs a head with {@code numClasses} classes scores.
     *
     * @param numClasses K
     * @return K(K-1)/2
     */
    public static int count(int numClasses) {
        return numClasses * (numClasses - 1) / 2;
    }

    /** Returns K, the number of classes. */
    public int numClasses() {
        return numClasses;
    }

    /** Returns P = K(K-1)/2, the number of pairwise scores. */
    public int count() {
        return count;
    }

    /**
     * Returns the sign matrix T (K, P) on a manager, in a data type.
     *
     * @param manager the manager that owns the array
     * @param dataType its data type
     * @return T
     */
    public NDArray signs(NDManager manager, DataType dataType) {
        return manager.create(signs, new Shape(numClasses, count)).toType(dataType, false);
    }

    /**
     * Returns each sample's row of T for its class: +1 / -1 on the pairs that contain the class, 0 elsewhere.
     *
     * @param oneHot one-hot classes (N, K)
     * @return (N, P) in the one-hot rows' data type
     */
    NDArray rows(NDArray oneHot) {
        return oneHot.matMul(signs(oneHot.getManager(), oneHot.getDataType()));
    }

    /**
     * Returns each class's summed pairwise score {@code S_c = T[c] . s}.
     *
     * @param scores pairwise scores (N, P)
     * @return (N, K)
     */
    public NDArray summed(NDArray scores) {
        return requireShape(scores).matMul(signs(scores.getManager(), scores.getDataType()).transpose());
    }

    /**
     * Returns each class's votes: the number of its duels it wins.
     *
     * @param scores pairwise scores (N, P)
     * @return (N, K) in the scores' data type
     */
    public NDArray votes(NDArray scores) {
        NDArray t = signs(scores.getManager(), scores.getDataType()).expandDims(0);
        return requireShape(scores).expandDims(1).mul(t).gt(0).toType(scores.getDataType(), false).sum(new int[] {2});
    }

    /**
     * Returns the per-class scores {@code votes_c + S_c / (3 (|S_c| + 1))} (class Javadoc).
     *
     * @param scores pairwise scores (N, P)
     * @return (N, K)
     */
    public NDArray classScores(NDArray scores) {
        NDArray summed = summed(scores);
        return votes(scores).add(summed.div(summed.abs().add(1).mul(3)));
    }

    /**
     * Returns the predicted classes: most votes, then larger summed score, then lower index.
     *
     * @param scores pairwise scores (N, P)
     * @return class indices, int64 (N)
     */
    public NDArray predicted(NDArray scores) {
        NDArray votes = votes(scores);
        NDArray leaders = votes.eq(votes.max(new int[] {1}, true));
        NDArray excluded = scores.getManager().full(votes.getShape(), Float.NEGATIVE_INFINITY, scores.getDataType());
        // argMax returns the first of equal maxima: the lower index
        return NDArrays.where(leaders, summed(scores), excluded).argMax(1).toType(DataType.INT64, false);
    }

    /**
     * Returns the signed margins: the true class's worst signed duel score.
     *
     * @param scores pairwise scores (N, P)
     * @param labels class indices (N)
     * @return (N) in the scores' data type
     */
    public NDArray signed(NDArray scores, NDArray labels) {
        NDArray classes = labels.toType(DataType.INT64, false).reshape(-1);
        return worstDuel(scores, classes.oneHot(numClasses, scores.getDataType()));
    }

    /**
     * Returns the label-free gaps: the predicted class's worst signed duel score, floored at 0.
     *
     * @param scores pairwise scores (N, P)
     * @return (N), never negative
     */
    public NDArray gap(NDArray scores) {
        NDArray oneHot = predicted(scores).oneHot(numClasses, scores.getDataType());
        return worstDuel(scores, oneHot).maximum(0f);
    }

    private NDArray worstDuel(NDArray scores, NDArray oneHot) {
        NDArray rows = rows(oneHot);
        NDArray excluded = scores.getManager().full(rows.getShape(), Float.POSITIVE_INFINITY, scores.getDataType());
        return NDArrays.where(rows.eq(0), excluded, rows.mul(requireShape(scores))).min(new int[] {1});
    }

    /**
     * Returns the scores after checking they have shape (N, P).
     *
     * @throws IllegalArgumentException naming the shape expected and the one given
     */
    NDArray requireShape(NDArray scores) {
        Shape shape = scores.getShape();
        if (shape.dimension() != 2 || shape.get(1) != count) {
            throw new IllegalArgumentException("one-vs-one scores of " + numClasses + " classes must have shape (N, "
                    + count + "), got " + shape);
        }
        return scores;
    }
}
