package io.hingekit.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import java.util.ArrayList;
import java.util.List;

/**
 * The scope of a loss or mining computation's temporary arrays: an {@link NDScope} that closes every array created
 * inside it except the results it is told to keep, which it hands to the enclosing scope (if any) on close. Nested
 * scopes free a chunk's temporaries early without leaking the results; the arrays stay with their managers and
 * autograd keeps what backward needs.
 *
 * <p>DJL registers every new array with the thread's innermost scope anyway, so a scope costs one map and one list
 * per call, whatever managers the arrays belong to. One scope per thread at a time: open and close it on the thread
 * that computes, in try-with-resources.
 *
 * <pre>{@code
 * try (ResultScope scope = new ResultScope()) {
 *     return scope.keep(perSample(labels, predictions).mean());
 * }
 * }</pre>
 */
public final class ResultScope implements AutoCloseable {

    private final NDScope scope = new NDScope();
    private final List<NDArray> kept = new ArrayList<>();

    /** Opens a scope on the current thread; arrays created from now until {@link #close} belong to it. */
    public ResultScope() {}

    /**
     * Keeps an array alive past this scope.
     *
     * @param array a result
     * @return the same array
     */
    public NDArray keep(NDArray array) {
        NDScope.unregister(array);
        kept.add(array);
        return array;
    }

    /** Closes every array created in the scope except the kept ones, which join the enclosing scope. */
    @Override
    public void close() {
        scope.close();
        kept.forEach(NDScope::register);
    }
}
