package io.hingekit.mining;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@link NDScope} that closes every array created inside it except the kept results, which it hands to the
 * enclosing scope (if any) on close, so nested scopes free chunk temporaries early without leaking the results.
 */
final class ResultScope implements AutoCloseable {

    private final NDScope scope = new NDScope();
    private final List<NDArray> kept = new ArrayList<>();

    /**
     * Keeps an array alive past this scope.
     *
     * @param array a result
     * @return the same array
     */
    NDArray keep(NDArray array) {
        NDScope.unregister(array);
        kept.add(array);
        return array;
    }

    /**
     * Keeps the three arrays of a triplet set.
     *
     * @param triplets a result
     * @return the same triplets
     */
    Triplets keep(Triplets triplets) {
        keep(triplets.anchors());
        keep(triplets.positives());
        keep(triplets.negatives());
        return triplets;
    }

    @Override
    public void close() {
        scope.close();
        kept.forEach(NDScope::register);
    }
}
