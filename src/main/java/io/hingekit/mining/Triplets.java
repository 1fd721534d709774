package io.hingekit.mining;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.hingekit.loss.ResultScope;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Mined (anchor, positive, negative) triplets as three int64 index arrays of equal length T (T may be 0). Anchors
 * index the queries (rows of the distance matrix), positives and negatives the references (its columns).
 *
 * @param anchors query indices, shape (T)
 * @param positives reference indices with the anchor's label, shape (T)
 * @param negatives reference indices with another label, shape (T)
 */
public record Triplets(NDArray anchors, NDArray positives, NDArray negatives) {

    /** Checks that the three arrays are 1-D and of one length. */
    public Triplets {
        Objects.requireNonNull(anchors, "anchors");
        Objects.requireNonNull(positives, "positives");
        Objects.requireNonNull(negatives, "negatives");
        Shape shape = anchors.getShape();
        if (shape.dimension() != 1 || !shape.equals(positives.getShape()) || !shape.equals(negatives.getShape())) {
            throw new IllegalArgumentException("triplet index arrays must be 1-D of one length, got anchors "
                    + shape + ", positives " + positives.getShape() + ", negatives " + negatives.getShape());
        }
    }

    /**
     * Keeps the three arrays past the scope they were mined in.
     *
     * @param scope the scope
     * @return these triplets
     */
    Triplets keptBy(ResultScope scope) {
        scope.keep(anchors);
        scope.keep(positives);
        scope.keep(negatives);
        return this;
    }

    /**
     * Returns a triplet set with no triplet.
     *
     * @param manager the manager of the three empty arrays
     * @return T = 0 triplets
     */
    public static Triplets empty(NDManager manager) {
        return new Triplets(emptyIndices(manager), emptyIndices(manager), emptyIndices(manager));
    }

    /**
     * Joins triplet sets end to end, closing the parts' arrays column by column as they are copied, so the peak is
     * about 4/3 of the result rather than twice it. Package-private: it consumes its input.
     *
     * @param parts the sets, in order; unusable afterwards when there are two or more
     * @param manager the manager of the result when {@code parts} is empty
     * @return one set holding all triplets of {@code parts}
     */
    static Triplets concat(List<Triplets> parts, NDManager manager) {
        if (parts.isEmpty()) {
            return empty(manager);
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return new Triplets(
                concatColumn(parts, Triplets::anchors),
                concatColumn(parts, Triplets::positives),
                concatColumn(parts, Triplets::negatives));
    }

    private static NDArray concatColumn(List<Triplets> parts, Function<Triplets, NDArray> column) {
        NDList list = new NDList();
        parts.forEach(part -> list.add(column.apply(part)));
        NDArray joined = NDArrays.concat(list);
        list.close();
        return joined;
    }

    private static NDArray emptyIndices(NDManager manager) {
        return manager.create(new Shape(0), DataType.INT64);
    }

    /**
     * Returns the number of triplets.
     *
     * @return T
     */
    public long size() {
        return anchors.size();
    }

    /**
     * Tells whether no triplet was mined.
     *
     * @return true when T = 0
     */
    public boolean isEmpty() {
        return size() == 0;
    }

    /**
     * Returns, for each triplet, the flat index of its anchor-positive entry in a distance matrix with the given
     * number of columns (for {@code distances.reshape(-1).take(...)}).
     *
     * @param columns the number of references R
     * @return {@code anchors * R + positives}, shape (T)
     */
    public NDArray anchorPositiveEntries(long columns) {
        return anchors.mul(columns).add(positives);
    }

    /**
     * Returns, for each triplet, the flat index of its anchor-negative entry in a distance matrix.
     *
     * @param columns the number of references R
     * @return {@code anchors * R + negatives}, shape (T)
     */
    public NDArray anchorNegativeEntries(long columns) {
        return anchors.mul(columns).add(negatives);
    }
}
