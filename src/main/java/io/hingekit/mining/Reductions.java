package io.hingekit.mining;

import ai.djl.ndarray.NDArray;

/** The standard reductions: plain mean, and PML's default mean over the non-zero losses. */
public enum Reductions implements Reduction {

    /** The mean over all T losses (0 when T = 0). */
    MEAN {
        @Override
        public NDArray reduce(NDArray losses) {
            return losses.sum().div(Math.max(1L, losses.size()));
        }
    },

    /**
     * The mean over the losses that are &gt; 0 (PML's {@code AvgNonZeroReducer}): easy triplets do not dilute the
     * gradient as training progresses. 0 when no loss is positive.
     */
    MEAN_NONZERO {
        @Override
        public NDArray reduce(NDArray losses) {
            NDArray active = losses.gt(0f).countNonzero().toType(losses.getDataType(), false);
            return losses.sum().div(active.maximum(1f));
        }
    }
}
