package io.hingekit.mining;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.hingekit.util.Checks;

/**
 * A ring buffer of the last {@code capacity} embeddings and labels of earlier training batches (detached copies),
 * used as extra references when mining (Wang et al. 2020, "Cross-Batch Memory"): queries are the current batch,
 * references the batch followed by the bank. Give it to a loss with {@code TripletHingeLoss.builder().memory(..)}.
 *
 * <p>{@link #enqueue} holds the batch back until the next {@code enqueue}, so the bank never contains the batch
 * being scored: {@code perSample} and {@code diagnostics} called on the same batch after {@code evaluate} see the
 * bank {@code evaluate} saw. Stored in the data type and on the device of the first batch. Close it to free the bank.
 */
public final class CrossBatchMemory implements AutoCloseable {

    private final int capacity;
    private NDManager manager;
    private NDArray bankEmbeddings;
    private NDArray bankLabels;
    private NDArray heldEmbeddings;
    private NDArray heldLabels;
    private int size;
    private int next;

    /**
     * Creates an empty memory.
     *
     * @param capacity the number of embeddings kept, &gt; 0
     */
    public CrossBatchMemory(int capacity) {
        this.capacity = Checks.positive("capacity", capacity);
    }

    /**
     * Returns the number of embeddings the bank can hold.
     *
     * @return the capacity
     */
    public int capacity() {
        return capacity;
    }

    /**
     * Returns the number of embeddings in the bank now (the held-back batch not counted).
     *
     * @return 0 to capacity
     */
    public synchronized int size() {
        return size;
    }

    /**
     * Returns the references for mining: the batch followed by the bank, in the batch's data type and manager.
     *
     * @param embeddings the batch, shape (B, D)
     * @param labels the batch's class ids, int64, shape (B)
     * @return [embeddings (B + size, D), labels (B + size)]
     */
    public synchronized NDList withBank(NDArray embeddings, NDArray labels) {
        if (size == 0) {
            return new NDList(embeddings, labels);
        }
        checkDimension(embeddings);
        NDIndex filled = new NDIndex("0:{}", size);
        NDArray storedEmbeddings = bankEmbeddings.get(filled).toDevice(embeddings.getDevice(), false);
        NDArray storedLabels = bankLabels.get(filled).toDevice(labels.getDevice(), false);
        return new NDList(
                embeddings.concat(storedEmbeddings.toType(embeddings.getDataType(), false)),
                labels.concat(storedLabels.toType(labels.getDataType(), false)));
    }

    /**
     * Moves the previously enqueued batch into the bank (overwriting the oldest entries) and holds this one back
     * for the next call. The arrays are copied without gradient.
     *
     * @param embeddings the batch, shape (B, D)
     * @param labels its class ids, shape (B)
     */
    public synchronized void enqueue(NDArray embeddings, NDArray labels) {
        if (manager == null) {
            manager = NDManager.newBaseManager(embeddings.getDevice());
        }
        checkDimension(embeddings);
        commitHeld();
        heldEmbeddings = own(embeddings.stopGradient().toType(embeddings.getDataType(), true));
        heldLabels = own(labels.stopGradient().reshape(-1).toType(DataType.INT64, true));
    }

    /** Empties the bank and forgets the held-back batch. */
    public synchronized void clear() {
        closeHeld();
        size = 0;
        next = 0;
    }

    @Override
    public synchronized void close() {
        clear();
        if (manager != null) {
            manager.close();
            manager = null;
            bankEmbeddings = null;
            bankLabels = null;
        }
    }

    private void commitHeld() {
        if (heldEmbeddings == null) {
            return;
        }
        try (NDScope temporaries = new NDScope()) {
            temporaries.suppressNotUsedWarning();
            write(heldEmbeddings, heldLabels);
        }
        closeHeld();
    }

    private void write(NDArray embeddings, NDArray labels) {
        if (bankEmbeddings == null) {
            long dimension = embeddings.getShape().get(1);
            bankEmbeddings = own(manager.zeros(new Shape(capacity, dimension), embeddings.getDataType()));
            bankLabels = own(manager.zeros(new Shape(capacity), DataType.INT64));
        }
        long rows = embeddings.getShape().get(0);
        long skip = Math.max(0, rows - capacity);
        long start = skip;
        while (start < rows) {
            long count = Math.min(rows - start, capacity - next);
            NDIndex source = new NDIndex("{}:{}", start, start + count);
            NDIndex target = new NDIndex("{}:{}", next, next + count);
            bankEmbeddings.set(target, embeddings.get(source).toType(bankEmbeddings.getDataType(), false));
            bankLabels.set(target, labels.get(source));
            next = (int) ((next + count) % capacity);
            start += count;
        }
        size = (int) Math.min(capacity, size + rows - skip);
    }

    private void closeHeld() {
        if (heldEmbeddings != null) {
            heldEmbeddings.close();
            heldLabels.close();
            heldEmbeddings = null;
            heldLabels = null;
        }
    }

    /** Takes an array out of any enclosing {@link NDScope} and into this memory's manager. */
    private NDArray own(NDArray array) {
        NDScope.unregister(array);
        array.attach(manager);
        return array;
    }

    private void checkDimension(NDArray embeddings) {
        NDArray reference = bankEmbeddings != null ? bankEmbeddings : heldEmbeddings;
        if (embeddings.getShape().dimension() != 2) {
            throw new IllegalArgumentException("embeddings must be 2-D (B, D), got " + embeddings.getShape());
        }
        if (reference != null && reference.getShape().get(1) != embeddings.getShape().get(1)) {
            throw new IllegalArgumentException("embedding dimension " + embeddings.getShape().get(1)
                    + " does not match the memory's " + reference.getShape().get(1));
        }
    }
}
