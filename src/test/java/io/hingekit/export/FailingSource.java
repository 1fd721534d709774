package io.hingekit.export;

import io.hingekit.inference.EmbeddingBatch;
import io.hingekit.inference.EmbeddingMetadata;
import io.hingekit.inference.EmbeddingSource;
import java.util.Iterator;

/** A source that delivers the batches of another source, then fails after a given number of batches. */
final class FailingSource implements EmbeddingSource {

    private final EmbeddingSource delegate;
    private final int failAfterBatches;

    FailingSource(EmbeddingSource delegate, int failAfterBatches) {
        this.delegate = delegate;
        this.failAfterBatches = failAfterBatches;
    }

    @Override
    public int dimension() {
        return delegate.dimension();
    }

    @Override
    public long count() {
        return delegate.count();
    }

    @Override
    public EmbeddingMetadata metadata() {
        return delegate.metadata();
    }

    @Override
    public Iterator<EmbeddingBatch> batches() {
        Iterator<EmbeddingBatch> batches = delegate.batches();
        return new Iterator<>() {
            private int delivered;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public EmbeddingBatch next() {
                if (delivered++ == failAfterBatches || !batches.hasNext()) {
                    throw new IllegalStateException("simulated model failure after " + failAfterBatches + " batches");
                }
                return batches.next();
            }
        };
    }
}
