package io.hingekit.spark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.apache.spark.sql.Row;

/** A partition's rows cut into batches, each mapped to output rows lazily, so a partition streams through. */
final class RowBatches {

    private RowBatches() {}

    /**
     * Maps consecutive batches of rows.
     *
     * @param rows the partition's rows
     * @param batchSize rows per batch
     * @param map turns one batch into its output rows
     * @param <T> the output type
     * @return the outputs, batch after batch
     */
    static <T> Iterator<T> flatMap(Iterator<Row> rows, int batchSize, Function<List<Row>, List<T>> map) {
        return new Iterator<>() {
            private Iterator<T> current = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && rows.hasNext()) {
                    List<Row> batch = new ArrayList<>(batchSize);
                    while (batch.size() < batchSize && rows.hasNext()) {
                        batch.add(rows.next());
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
