package io.hingekit.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.Map;

/**
 * A loss that breaks one batch's value into named scalar parts for logging: the primary and hinge terms of an
 * auxiliary loss, or a triplet loss's mined-triplet count and mean distances.
 */
public interface LossDiagnostics {

    /**
     * Computes the named parts for one batch; called only at logging steps, outside the gradient.
     *
     * @param labels the labels, as passed to {@code evaluate}
     * @param predictions the predictions, as passed to {@code evaluate}
     * @return scalar (0-d) arrays by part name, in a stable order
     */
    Map<String, NDArray> diagnostics(NDList labels, NDList predictions);
}
