package io.hingekit.serve;

import static io.hingekit.util.Checks.check;
import static io.hingekit.util.Checks.positive;

import java.nio.file.Path;

/**
 * How {@code serve} runs: where it listens, how requests are batched onto the device, its request limits, the
 * feedback and drift windows, the retrain signal's hysteresis, and the optional canary.
 *
 * @param host the address to bind (127.0.0.1 by default)
 * @param port the port (0: any free port)
 * @param maxBatchSize most rows scored in one device call
 * @param maxWaitMillis longest a row waits for others to fill its batch
 * @param maxQueueRows rows waiting at most; beyond, requests get 503 with Retry-After
 * @param maxBodyBytes largest request body; beyond, 413
 * @param maxRowsPerRequest most rows in one request; beyond, 413
 * @param feedbackWindow predictions remembered for feedback (the oldest are forgotten first)
 * @param driftWindow live margins kept per class for drift
 * @param driftIntervalSeconds how often drift is recomputed
 * @param retrainEnterPsi PSI above which the retrain signal turns on
 * @param retrainExitPsi PSI below which it turns off again
 * @param retrainMinSeconds least time in a state before the signal may change
 * @param canary a candidate model directory, or null
 * @param canaryFraction share of prediction traffic sent to the candidate
 * @param canaryMinFeedback labelled samples each arm needs before a verdict other than continue
 * @param sampleLog directory of the sampled request log, or null
 * @param sampleRate share of rows logged
 * @param logRawFeatures whether the log keeps raw features (otherwise a salted SHA-256 of them)
 */
public record ServeOptions(String host, int port, int maxBatchSize, int maxWaitMillis, int maxQueueRows,
        int maxBodyBytes, int maxRowsPerRequest, int feedbackWindow, int driftWindow, int driftIntervalSeconds,
        double retrainEnterPsi, double retrainExitPsi, int retrainMinSeconds, Path canary, double canaryFraction,
        int canaryMinFeedback, Path sampleLog, double sampleRate, boolean logRawFeatures) {

    /** Checks the values. */
    public ServeOptions {
        check(port >= 0 && port <= 65535, "--port", "in [0, 65535]", port);
        positive("--max-batch-size", maxBatchSize);
        check(maxWaitMillis >= 0, "--max-wait-ms", ">= 0", maxWaitMillis);
        positive("--max-queue-rows", maxQueueRows);
        positive("--max-body-bytes", maxBodyBytes);
        positive("--max-rows-per-request", maxRowsPerRequest);
        positive("--feedback-window", feedbackWindow);
        positive("--drift-window", driftWindow);
        positive("--drift-interval", driftIntervalSeconds);
        check(retrainExitPsi >= 0 && retrainExitPsi < retrainEnterPsi, "--retrain-exit-psi",
                "in [0, --retrain-enter-psi)", retrainExitPsi);
        check(retrainMinSeconds >= 0, "--retrain-min-seconds", ">= 0", retrainMinSeconds);
        check(canaryFraction >= 0 && canaryFraction <= 1, "--canary-fraction", "in [0, 1]", canaryFraction);
        check(canary == null || canaryFraction > 0, "--canary-fraction", "> 0 with --canary", canaryFraction);
        positive("--canary-min-feedback", canaryMinFeedback);
        check(sampleRate >= 0 && sampleRate <= 1, "--sample-rate", "in [0, 1]", sampleRate);
    }
}
