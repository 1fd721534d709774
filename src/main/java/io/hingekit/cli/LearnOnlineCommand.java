package io.hingekit.cli;

import io.hingekit.config.ConfigWord;
import io.hingekit.online.ConsoleProgress;
import io.hingekit.online.OnlineLearning;
import io.hingekit.online.OnlineListener;
import io.hingekit.online.OnlineRequest;
import io.hingekit.online.StreamFormat;
import io.hingekit.tensorboard.OnlineTensorBoardListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/** {@code hingekit learn-online}: learns a linear hinge model from a stream, one example at a time. */
@Command(name = "learn-online", mixinStandardHelpOptions = true,
        description = "Learn a linear hinge model online (PA, PA-I, PA-II, Pegasos) from a CSV or JSON-lines file, "
                + "standard input or a Kafka topic, with progressive validation and checkpoints.")
public final class LearnOnlineCommand implements Callable<Integer> {

    /** How long SIGTERM waits for the final checkpoint. */
    private static final long STOP_WAIT_SECONDS = 60;

    @Option(names = "--config", required = true, description = "YAML config with an online section, e.g. "
            + "configs/fashion-online-pa.yaml")
    private Path config;

    @Option(names = "--input", required = true, description = "file.csv, file.jsonl, - (standard input) or "
            + "kafka://host:port/topic")
    private String input;

    @Option(names = "--format", description = "csv or jsonl (default: from the file name; jsonl for -)",
            converter = StreamFormatConverter.class)
    private StreamFormat format;

    @Option(names = "--out", description = "model directory (default: models/<name>)")
    private Path out;

    @Option(names = "--logdir", description = "TensorBoard log directory (default: runs/<name>)")
    private Path logDir;

    @Option(names = "--no-tensorboard", description = "do not write TensorBoard event files")
    private boolean noTensorboard;

    @Option(names = "--overwrite", description = "start afresh, replacing the directory's checkpoint and model")
    private boolean overwrite;

    @Option(names = "--max-examples", defaultValue = "0",
            description = "stop after learning this many examples in this run (default: no limit)")
    private long maxExamples;

    @Option(names = "--stop-at-end", description = "Kafka: stop at the topic's end offsets of the start instead of "
            + "waiting for new records")
    private boolean stopAtEnd;

    @Override
    public Integer call() throws Exception {
        if (maxExamples < 0) {
            throw new IllegalArgumentException("--max-examples must be >= 0 (0 = no limit), got " + maxExamples);
        }
        List<OnlineListener> listeners = new ArrayList<>();
        listeners.add(new ConsoleProgress(System.err));
        if (!noTensorboard) {
            listeners.add(new OnlineTensorBoardListener(System.err));
        }
        OnlineLearning job = new OnlineLearning();
        CountDownLatch done = new CountDownLatch(1);
        // SIGTERM: stop after the current record and wait for the final checkpoint before the JVM exits
        Thread finish = new Thread(() -> {
            job.stop();
            awaitQuietly(done);
        }, "learn-online-stop");
        Runtime.getRuntime().addShutdownHook(finish);
        try {
            job.run(new OnlineRequest(config, input, format, out, logDir, overwrite, maxExamples, stopAtEnd),
                    listeners);
            return 0;
        } finally {
            for (OnlineListener listener : listeners) {
                listener.close();
            }
            done.countDown();
            removeHook(finish);
        }
    }

    private static void awaitQuietly(CountDownLatch done) {
        try {
            done.await(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook has run
        }
    }

    /** Parses {@code --format} through the word's own parser (aliases, message listing the words). */
    static final class StreamFormatConverter implements ITypeConverter<StreamFormat> {
        @Override
        public StreamFormat convert(String value) {
            return ConfigWord.parse(StreamFormat.class, value);
        }
    }
}
