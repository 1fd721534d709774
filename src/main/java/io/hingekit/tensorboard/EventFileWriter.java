package io.hingekit.tensorboard;

import io.hingekit.tensorboard.proto.Event;
import io.hingekit.tensorboard.proto.SourceMetadata;
import io.hingekit.util.Checks;
import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Appends {@link Event}s to a new event file in a log directory from one background thread.
 *
 * <p>The file is named {@code events.out.tfevents.<unix seconds, 10 digits>.<hostname>.<pid>.<counter>} and starts
 * with an Event whose {@code file_version} is {@value #FILE_VERSION}. Events go through a bounded queue: when it is
 * full, {@link #add} blocks the producer until the thread has caught up. The thread flushes to the operating
 * system every {@link Builder#flushInterval(Duration) flush interval} and on {@link #flush()}; {@link #close()}
 * drains the queue, flushes and fsyncs. The file is an append-only log that TensorBoard reads while it grows (so
 * it is not written to a temporary file and renamed): a killed process leaves a file whose complete records all
 * read back.
 *
 * <p>{@link #add} and {@link #flush} may be called from several threads, but not concurrently with {@link #close}.
 */
public final class EventFileWriter implements AutoCloseable {

    /** The {@code file_version} of the first event, as TensorFlow writes it. */
    public static final String FILE_VERSION = "brain.Event:2";

    /** The prefix of every event file's name; TensorBoard lists files by it. */
    public static final String FILE_PREFIX = "events.out.tfevents.";

    /** Default queue capacity, in events. */
    public static final int DEFAULT_QUEUE_CAPACITY = 1024;

    /** Default interval between periodic flushes. */
    public static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofSeconds(10);

    /** The name written into each file's {@code source_metadata}. */
    public static final String WRITER_NAME = "hingekit";

    private static final int BUFFER_BYTES = 1 << 16;
    private static final AtomicLong FILE_COUNTER = new AtomicLong();
    /** Looked up once: resolving the local host can be slow where DNS is misconfigured. */
    private static final String HOST_NAME = hostName();

    private final Path file;
    private final FileOutputStream fileStream;
    private final BufferedOutputStream out;
    private final RecordWriter records;
    private final BlockingQueue<Command> queue;
    private final long flushIntervalNanos;
    private final Thread thread;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile IOException failure;
    /** Touched by the writer thread only. */
    private boolean unflushed;
    private long lastFlushNanos = System.nanoTime();

    private EventFileWriter(Builder builder) throws IOException {
        Files.createDirectories(builder.logDir);
        this.file = builder.logDir.resolve(fileName(Instant.now()));
        this.fileStream = new FileOutputStream(file.toFile());
        this.out = new BufferedOutputStream(fileStream, BUFFER_BYTES);
        this.records = new RecordWriter(out);
        this.queue = new ArrayBlockingQueue<>(builder.queueCapacity);
        this.flushIntervalNanos = builder.flushInterval.toNanos();
        try {
            records.write(fileVersionEvent().toByteArray());
            out.flush();
        } catch (IOException e) {
            fileStream.close();
            throw e;
        }
        this.thread = new Thread(this::drain, "tensorboard-writer-" + file.getFileName());
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Starts a builder.
     *
     * @return a builder with the default queue capacity and flush interval
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the event file this writer appends to.
     *
     * @return the file
     */
    public Path file() {
        return file;
    }

    /**
     * Queues an event for writing; blocks while the queue is full.
     *
     * @param event the event
     * @throws IllegalStateException if the writer is closed
     * @throws UncheckedIOException if the background thread failed to write earlier events
     */
    public void add(Event event) {
        if (closed.get()) {
            throw new IllegalStateException("event writer for " + file + " is closed");
        }
        rethrowFailure();
        put(new Command.Write(event));
    }

    /**
     * Writes every event queued so far and flushes the file to the operating system, waiting until done.
     *
     * @throws IOException if writing failed
     */
    public void flush() throws IOException {
        if (closed.get()) {
            return;
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        put(new Command.Flush(done));
        await(done);
    }

    /**
     * Drains the queue, flushes and fsyncs the file and stops the thread; a second call does nothing.
     *
     * @throws IOException if writing or syncing failed
     */
    @Override
    public void close() throws IOException {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        put(new Command.Close(done));
        await(done);
    }

    private void drain() {
        while (true) {
            Command command;
            try {
                command = queue.poll(flushIntervalNanos, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                if (command instanceof Command.Write write) {
                    records.write(write.event().toByteArray());
                    unflushed = true;
                } else if (command instanceof Command.Flush flush) {
                    flushStream();
                    flush.done().complete(null);
                } else if (command instanceof Command.Close close) {
                    finish(close.done());
                    return;
                }
                if (unflushed && System.nanoTime() - lastFlushNanos >= flushIntervalNanos) {
                    flushStream();
                }
            } catch (IOException e) {
                failure = e;
                failPending(command);
            }
        }
    }

    private void flushStream() throws IOException {
        out.flush();
        unflushed = false;
        lastFlushNanos = System.nanoTime();
    }

    private void finish(CompletableFuture<Void> done) {
        try (fileStream) {
            out.flush();
            fileStream.getFD().sync();
            done.complete(null);
        } catch (IOException e) {
            failure = e;
            done.completeExceptionally(e);
        }
    }

    private void failPending(Command command) {
        if (command instanceof Command.Flush flush) {
            flush.done().completeExceptionally(failure);
        } else if (command instanceof Command.Close close) {
            close.done().completeExceptionally(failure);
        }
    }

    private void put(Command command) {
        try {
            queue.put(command);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while queueing an event for " + file, e);
        }
    }

    private void await(CompletableFuture<Void> done) throws IOException {
        try {
            done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing " + file);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
        rethrowFailure();
    }

    private void rethrowFailure() {
        IOException e = failure;
        if (e != null) {
            throw new UncheckedIOException("writing " + file + " failed", e);
        }
    }

    private static Event fileVersionEvent() {
        return Event.newBuilder()
                .setWallTime(WallClock.seconds())
                .setFileVersion(FILE_VERSION)
                .setSourceMetadata(SourceMetadata.newBuilder().setWriter(WRITER_NAME))
                .build();
    }

    static String fileName(Instant now) {
        return String.format(
                "%s%010d.%s.%d.%d",
                FILE_PREFIX, now.getEpochSecond(), HOST_NAME, ProcessHandle.current().pid(),
                FILE_COUNTER.getAndIncrement());
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    /** What the background thread is asked to do. */
    private sealed interface Command {
        record Write(Event event) implements Command {}

        record Flush(CompletableFuture<Void> done) implements Command {}

        record Close(CompletableFuture<Void> done) implements Command {}
    }

    /** Configures and opens an {@link EventFileWriter}. */
    public static final class Builder {
        private Path logDir;
        private int queueCapacity = DEFAULT_QUEUE_CAPACITY;
        private Duration flushInterval = DEFAULT_FLUSH_INTERVAL;

        private Builder() {}

        /**
         * Sets the directory the event file is created in (created if missing).
         *
         * @param logDir the log directory
         * @return this builder
         */
        public Builder logDir(Path logDir) {
            this.logDir = logDir;
            return this;
        }

        /**
         * Returns the log directory set so far.
         *
         * @return the directory, or null when not set
         */
        public Path logDir() {
            return logDir;
        }

        /**
         * Sets how many events may wait for the background thread before producers block.
         *
         * @param queueCapacity the capacity, at least 1
         * @return this builder
         */
        public Builder queueCapacity(int queueCapacity) {
            this.queueCapacity = queueCapacity;
            return this;
        }

        /**
         * Sets how often written events are flushed to the operating system without an explicit flush.
         *
         * @param flushInterval a positive interval
         * @return this builder
         */
        public Builder flushInterval(Duration flushInterval) {
            this.flushInterval = flushInterval;
            return this;
        }

        /**
         * Creates the event file, writes its version record and starts the writer thread.
         *
         * @return the open writer
         * @throws IllegalArgumentException if a setting is missing or out of range
         * @throws IOException if the directory or file cannot be created
         */
        public EventFileWriter build() throws IOException {
            Checks.present("logDir", logDir);
            Checks.check(queueCapacity >= 1, "queueCapacity", ">= 1", queueCapacity);
            Checks.check(flushInterval != null && !flushInterval.isNegative() && !flushInterval.isZero(),
                    "flushInterval", "positive", flushInterval);
            return new EventFileWriter(this);
        }
    }
}
