package io.hingekit.loss;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDResource;
import java.util.function.BiFunction;

/**
 * Runs a loss computation with its intermediate arrays in a scratch manager that is closed at the end, so that only
 * the result stays attached to the predictions' manager. Autograd is unaffected: the engine keeps what backward needs.
 */
final class Scratch {

    private Scratch() {}

    /**
     * Computes {@code body(labels, predictions)} with the inputs temporarily attached to a sub-manager of the first
     * prediction's manager, and attaches the result back to that manager.
     */
    static <T extends NDResource> T compute(
            NDList labels, NDList predictions, BiFunction<NDList, NDList, T> body) {
        NDManager home = predictions.get(0).getManager();
        try (NDManager scratch = home.newSubManager()) {
            labels.tempAttach(scratch);
            predictions.tempAttach(scratch);
            T result = body.apply(labels, predictions);
            result.attach(home);
            return result;
        }
    }
}
