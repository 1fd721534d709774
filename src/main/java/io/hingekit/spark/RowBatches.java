package io.hingekit.spark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * A partition's rows read one by one, cut into batches, each mapped to output rows lazily, so a partition streams
 * through.
 */
final class RowBatches {

    private RowBatches() {}

    /**
     * Maps consecutive batches of rows.
     *
     * @param rows the partition's rows
     * @param read reads a row as it is pulled (before the next one, which may reuse it)
     * @param batchSize rows per batch
     * @param map turns one batch of read rows into its output rows
     * @param <S> the input type
     * @param <R> the read type
     * @param <T> the output type
     * @return the outputs, batch after batch
     */
    static <S, R, T> Iterator<T> flatMap(Iterator<S> rows, Function<S, R> read, int batchSize,
            Function<List<R>, List<T>> map) {
        return new Iterator<>() {
            private Iterator<T> current = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && rows.hasNext()) {
                    List<R> batch = new ArrayList<>(batchSize);
                    while (batch.size() < batchSize && rows.hasNext()) {
                        batch.add(read.apply(rows.next()));
                    }
                    current = map.apply(batch).iterator();
                }
                return current.hasNext();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }
}
