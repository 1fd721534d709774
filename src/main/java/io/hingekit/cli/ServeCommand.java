package io.hingekit.cli;

import io.hingekit.model.DeviceSelector;
import io.hingekit.serve.ScoringServer;
import io.hingekit.serve.ServeOptions;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hingekit serve}: the scoring server with margin metrics for Prometheus; runs until SIGTERM or Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve a classifier over HTTP: /predict, /feedback, /metrics (Prometheus), the open inference"
                + " protocol v2, and with --canary a share of the traffic to a candidate and /canary verdicts.")
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, description = "model directory")
    private Path model;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to bind (default: ${DEFAULT-VALUE})")
    private String host;

    @Option(names = "--port", defaultValue = "8080", description = "port (0: any free one; default: ${DEFAULT-VALUE})")
    private int port;

    @Option(names = "--canary", description = "a candidate model directory")
    private Path canary;

    @Option(names = "--canary-fraction", defaultValue = "0.1", description = "share of traffic to the candidate")
    private double canaryFraction;

    @Option(names = "--canary-min-feedback", defaultValue = "200",
            description = "labelled predictions per model before a verdict other than continue")
    private int canaryMinFeedback;

    @Option(names = "--max-batch-size", defaultValue = "64", description = "rows per device call")
    private int maxBatchSize;

    @Option(names = "--max-wait-ms", defaultValue = "5", description = "longest wait to fill a batch")
    private int maxWaitMillis;

    @Option(names = "--max-queue-rows", defaultValue = "4096", description = "rows queued before 503")
    private int maxQueueRows;

    @Option(names = "--max-body-bytes", defaultValue = "4194304", description = "largest request body (413 above)")
    private int maxBodyBytes;

    @Option(names = "--max-rows-per-request", defaultValue = "1024", description = "most rows per request (413)")
    private int maxRows;

    @Option(names = "--feedback-window", defaultValue = "100000", description = "predictions kept for feedback")
    private int feedbackWindow;

    @Option(names = "--drift-window", defaultValue = "5000", description = "live margins kept per class for drift")
    private int driftWindow;

    @Option(names = "--drift-interval", defaultValue = "30", description = "seconds between drift computations")
    private int driftInterval;

    @Option(names = "--retrain-enter-psi", defaultValue = "0.2", description = "PSI that turns the retrain signal on")
    private double retrainEnter;

    @Option(names = "--retrain-exit-psi", defaultValue = "0.1", description = "PSI that turns it off again")
    private double retrainExit;

    @Option(names = "--retrain-min-seconds", defaultValue = "600", description = "least time in a state")
    private int retrainMinSeconds;

    @Option(names = "--sample-log", description = "directory of a sampled request log (JSON lines, rotated)")
    private Path sampleLog;

    @Option(names = "--sample-rate", defaultValue = "0.01", description = "share of rows logged")
    private double sampleRate;

    @Option(names = "--log-raw-features", description = "log raw features instead of a salted hash of them")
    private boolean logRawFeatures;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu, gpu or gpu:N")
    private String device;

    /** Creates the command; picocli fills in the options. */
    public ServeCommand() {}

    @Override
    public Integer call() throws Exception {
        ServeOptions options = new ServeOptions(host, port, maxBatchSize, maxWaitMillis, maxQueueRows, maxBodyBytes,
                maxRows, feedbackWindow, driftWindow, driftInterval, retrainEnter, retrainExit, retrainMinSeconds,
                canary, canary == null ? 0 : canaryFraction, canaryMinFeedback, sampleLog, sampleRate,
                logRawFeatures);
        ScoringServer server = ScoringServer.start(model, options, DeviceSelector.resolve(device)[0]);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                System.err.println("hingekit serve: error while stopping: " + e);
            } finally {
                stopped.countDown();
            }
        }));
        System.out.printf("serving %s on http://%s:%d (POST /predict, /feedback, /v2/models/%s/infer; GET /metrics)%n",
                server.modelName(), host, server.port(), server.modelName());
        System.out.flush();
        stopped.await();
        return 0;
    }
}
