package io.hingekit.serve;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Batches the rows of concurrent requests onto one model's device, as Triton and DJL Serving do: one worker thread
 * takes the waiting requests until {@code maxBatchSize} rows are gathered or the oldest has waited
 * {@code maxWaitMillis}, scores them in one call and completes each request's future. The queue holds at most
 * {@code maxQueueRows} rows; a request beyond that is refused at once ({@link QueueFullException}), never queued.
 */
final class Batcher implements AutoCloseable {

    /** The queue is full: the caller answers 503 with Retry-After. */
    static final class QueueFullException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        QueueFullException(int rows) {
            super("the scoring queue is full (" + rows + " rows waiting); retry shortly");
        }
    }

    private record Pending(float[][] rows, CompletableFuture<Prediction[]> result) {}

    private final ServedModel model;
    private final int maxBatchSize;
    private final long maxWaitNanos;
    private final int maxQueueRows;
    private final IntConsumer batchSizes;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger queuedRows = new AtomicInteger();
    private final Thread worker;
    private volatile boolean running = true;

    Batcher(ServedModel model, int maxBatchSize, int maxWaitMillis, int maxQueueRows, IntConsumer batchSizes) {
        this.model = model;
        this.maxBatchSize = maxBatchSize;
        this.maxWaitNanos = TimeUnit.MILLISECONDS.toNanos(maxWaitMillis);
        this.maxQueueRows = maxQueueRows;
        this.batchSizes = batchSizes;
        this.worker = new Thread(this::run, "hingekit-batcher-" + model.name());
        worker.setDaemon(true);
        worker.start();
    }

    /**
     * Queues rows for scoring.
     *
     * @param rows the rows
     * @return the predictions, in row order, once scored
     * @throws QueueFullException when the queue has no room for the rows
     */
    CompletableFuture<Prediction[]> submit(float[][] rows) {
        if (queuedRows.addAndGet(rows.length) > maxQueueRows) {
            queuedRows.addAndGet(-rows.length);
            throw new QueueFullException(queuedRows.get());
        }
        Pending pending = new Pending(rows, new CompletableFuture<>());
        queue.add(pending);
        return pending.result();
    }

    private void run() {
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                List<Pending> batch = new ArrayList<>(List.of(first));
                int rows = first.rows().length;
                long deadline = System.nanoTime() + maxWaitNanos;
                while (rows < maxBatchSize) {
                    Pending next = queue.peek();
                    if (next != null && rows + next.rows().length > maxBatchSize) {
                        break;
                    }
                    long left = deadline - System.nanoTime();
                    next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : queue.poll();
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                    rows += next.rows().length;
                }
                score(batch, rows);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void score(List<Pending> batch, int rows) {
        queuedRows.addAndGet(-rows);
        float[][] all = new float[rows][];
        int at = 0;
        for (Pending pending : batch) {
            System.arraycopy(pending.rows(), 0, all, at, pending.rows().length);
            at += pending.rows().length;
        }
        try {
            Prediction[] predictions = model.score(all);
            batchSizes.accept(rows);
            at = 0;
            for (Pending pending : batch) {
                Prediction[] own = new Prediction[pending.rows().length];
                System.arraycopy(predictions, at, own, 0, own.length);
                at += own.length;
                pending.result().complete(own);
            }
        } catch (RuntimeException e) {
            batch.forEach(pending -> pending.result().completeExceptionally(e));
        }
    }

    /** Scores what is queued, then stops the worker. */
    @Override
    public void close() {
        running = false;
        try {
            worker.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
