package io.hingekit.serve;

import ai.djl.Device;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The scoring server behind {@code hingekit serve}: Jetty 12 (keep-alive, a bounded thread pool, graceful stop that
 * drains in-flight requests) in front of one {@link Batcher} per model. Endpoints: the open inference protocol v2
 * ({@code POST /v2/models/<name>/infer}, {@code GET /v2/health/live}, {@code /v2/health/ready},
 * {@code /v2/models/<name>}, {@code /v2/models/<name>/ready}), {@code POST /predict}, {@code POST /feedback},
 * {@code GET /metrics} and, with a canary, {@code GET /canary}. Bad input gets a 4xx with {@code {"error": ...}},
 * a full queue 503 with Retry-After; neither affects other requests.
 */
public final class ScoringServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long SCORE_TIMEOUT_SECONDS = 60;

    private final ServeOptions options;
    private final ServedModel baseline;
    private final ServedModel candidate;
    private final Map<String, Batcher> batchers = new LinkedHashMap<>();
    private final Map<String, LiveDrift> drift = new LinkedHashMap<>();
    private final ServeMetrics metrics = new ServeMetrics();
    private final FeedbackWindow feedback;
    private final Canary canary;
    private final SampleLog sampleLog;
    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "hingekit-drift");
        thread.setDaemon(true);
        return thread;
    });
    private final Server server;
    private volatile boolean ready;

    private ScoringServer(ServeOptions options, ServedModel baseline, ServedModel candidate) throws IOException {
        this.options = options;
        this.baseline = baseline;
        this.candidate = candidate;
        this.feedback = new FeedbackWindow(options.feedbackWindow());
        this.canary = candidate == null ? null : new Canary(baseline.name(), candidate.name(),
                options.canaryFraction(), options.canaryMinFeedback());
        this.sampleLog = options.sampleLog() == null ? null
                : new SampleLog(options.sampleLog(), options.sampleRate(), options.logRawFeatures());
        for (ServedModel model : models()) {
            batchers.put(model.name(), new Batcher(model, options.maxBatchSize(), options.maxWaitMillis(),
                    options.maxQueueRows(), rows -> metrics.batchSize.labelValues(model.name()).observe(rows)));
            drift.put(model.name(), new LiveDrift(model, options.driftWindow(), metrics, new RetrainSignal(
                    options.retrainEnterPsi(), options.retrainExitPsi(), options.retrainMinSeconds() * 1000L,
                    System.currentTimeMillis())));
            metrics.modelInfo.addLabelValues(model.name(), model == baseline ? "baseline" : "canary",
                    model.directory().toString(), model.sha256());
        }
        QueuedThreadPool threads = new QueuedThreadPool(64, 8);
        threads.setName("hingekit-http");
        this.server = new Server(threads);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(options.host());
        connector.setPort(options.port());
        server.addConnector(connector);
        GracefulHandler graceful = new GracefulHandler();
        graceful.setHandler(new Routes());
        server.setHandler(graceful);
        server.setStopTimeout(TimeUnit.SECONDS.toMillis(20));
    }

    /**
     * Loads the models and starts listening.
     *
     * @param model the model directory
     * @param options how to serve
     * @param device the device
     * @return the running server
     * @throws Exception when a model cannot be loaded or the port cannot be bound
     */
    public static ScoringServer start(Path model, ServeOptions options, Device device) throws Exception {
        ServedModel baseline = ServedModel.open(model, null, device);
        ServedModel candidate = null;
        try {
            if (options.canary() != null) {
                candidate = ServedModel.open(options.canary(), baseline.name(), device);
                if (candidate.featureCount() != baseline.featureCount()
                        || !candidate.classNames().equals(baseline.classNames())) {
                    throw new IllegalArgumentException("--canary " + options.canary() + " takes other inputs or"
                            + " classes than " + model);
                }
            }
            ScoringServer server = new ScoringServer(options, baseline, candidate);
            server.server.start();
            server.schedule.scheduleAtFixedRate(server::recomputeDrift, options.driftIntervalSeconds(),
                    options.driftIntervalSeconds(), TimeUnit.SECONDS);
            server.ready = true;
            return server;
        } catch (Exception e) {
            baseline.close();
            if (candidate != null) {
                candidate.close();
            }
            throw e;
        }
    }

    /** Returns the port the server listens on. */
    public int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    /** Returns the name of the served (baseline) model. */
    public String modelName() {
        return baseline.name();
    }

    /** Recomputes live drift now (it also runs on the schedule). */
    public void recomputeDrift() {
        long now = System.currentTimeMillis();
        drift.values().forEach(d -> d.recompute(now));
    }

    private List<ServedModel> models() {
        return candidate == null ? List.of(baseline) : List.of(baseline, candidate);
    }

    /** Stops accepting requests, drains the in-flight ones and the batch queues, then frees the models. */
    @Override
    public void close() throws IOException {
        ready = false;
        try {
            server.stop();
        } catch (Exception e) {
            throw new IOException("the HTTP server did not stop cleanly: " + e, e);
        }
        schedule.shutdownNow();
        for (Batcher batcher : batchers.values()) {
            batcher.close();
        }
        for (ServedModel model : models()) {
            model.close();
        }
        if (sampleLog != null) {
            sampleLog.close();
        }
    }

    /** A response: status, content type, body, and extra headers. */
    private record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {
        static Reply json(int status, Object value) throws IOException {
            return new Reply(status, "application/json", JSON.writeValueAsBytes(value), Map.of());
        }
    }

    private final class Routes extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            long started = System.nanoTime();
            String path = Request.getPathInContext(request);
            String endpoint = endpoint(path);
            Reply reply;
            try {
                reply = route(request, path);
            } catch (HttpError e) {
                reply = error(e.status(), e.getMessage(), Map.of());
            } catch (Batcher.QueueFullException e) {
                reply = error(503, e.getMessage(), Map.of("Retry-After", "1"));
            } catch (Exception e) {
                reply = error(500, "internal error: " + e, Map.of());
            }
            metrics.requests.labelValues(endpoint, String.valueOf(reply.status())).inc();
            metrics.latency.labelValues(endpoint).observe((System.nanoTime() - started) / 1e9);
            response.setStatus(reply.status());
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
            reply.headers().forEach((name, value) -> response.getHeaders().put(name, value));
            if (reply.status() == 413) {
                // the unread rest of the body makes the connection unusable: tell the client not to reuse it
                response.getHeaders().put(HttpHeader.CONNECTION, "close");
            }
            response.write(true, ByteBuffer.wrap(reply.body()), callback);
            return true;
        }
    }

    private static Reply error(int status, String message, Map<String, String> headers) {
        try {
            byte[] body = JSON.writeValueAsBytes(Map.of("error", message == null ? "error" : message));
            return new Reply(status, "application/json", body, headers);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The bounded endpoint label of a path. */
    private String endpoint(String path) {
        if (path.equals("/predict") || path.equals("/feedback") || path.equals("/metrics") || path.equals("/canary")) {
            return path.substring(1);
        }
        if (path.startsWith("/v2/health")) {
            return "v2_health";
        }
        if (path.startsWith("/v2/models/")) {
            return path.endsWith("/infer") ? "v2_infer" : "v2_model";
        }
        return "other";
    }

    private Reply route(Request request, String path) throws Exception {
        String method = request.getMethod();
        switch (path) {
            case "/predict" -> {
                requirePost(method);
                return predict(body(request));
            }
            case "/feedback" -> {
                requirePost(method);
                return feedback(body(request));
            }
            case "/metrics" -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                String type = metrics.write(request.getHeaders().get(HttpHeader.ACCEPT), out);
                return new Reply(200, type, out.toByteArray(), Map.of());
            }
            case "/canary" -> {
                if (canary == null) {
                    throw new HttpError(404, "no canary: start serve with --canary <model>");
                }
                return Reply.json(200, canary.verdict());
            }
            case "/v2/health/live" -> {
                return Reply.json(200, Map.of("live", true));
            }
            case "/v2/health/ready" -> {
                return Reply.json(ready ? 200 : 503, Map.of("ready", ready));
            }
            default -> {
                return v2Model(request, method, path);
            }
        }
    }

    private Reply v2Model(Request request, String method, String path) throws Exception {
        if (!path.startsWith("/v2/models/")) {
            throw new HttpError(404, "no endpoint " + path + " (see /predict, /feedback, /metrics, /v2/...)");
        }
        String rest = path.substring("/v2/models/".length());
        String name = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
        String action = rest.substring(name.length());
        if (!name.equals(baseline.name())) {
            throw new HttpError(404, "unknown model '" + name + "'; this server serves '" + baseline.name() + "'");
        }
        return switch (action) {
            case "" -> Reply.json(200, metadata());
            case "/ready" -> Reply.json(ready ? 200 : 503, Map.of("name", name, "ready", ready));
            case "/infer" -> {
                requirePost(method);
                yield infer(body(request));
            }
            default -> throw new HttpError(404, "no endpoint " + path);
        };
    }

    private static void requirePost(String method) {
        if (!"POST".equals(method)) {
            throw new HttpError(405, method + " is not allowed here; use POST");
        }
    }

    private JsonNode body(Request request) throws IOException {
        long declared = request.getLength();
        if (declared > options.maxBodyBytes()) {
            throw new HttpError(413, "request body of " + declared + " bytes is over the limit of "
                    + options.maxBodyBytes());
        }
        byte[] bytes;
        try (InputStream in = Content.Source.asInputStream(request)) {
            bytes = in.readNBytes(options.maxBodyBytes() + 1);
        }
        if (bytes.length > options.maxBodyBytes()) {
            throw new HttpError(413, "request body is over the limit of " + options.maxBodyBytes() + " bytes");
        }
        try {
            return JSON.readTree(bytes);
        } catch (JacksonException e) {
            throw new HttpError(400, "malformed JSON: " + e.getOriginalMessage());
        }
    }

    private Map<String, Object> metadata() {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("name", baseline.name());
        meta.put("versions", List.of(baseline.version()));
        meta.put("platform", "hingekit-djl-pytorch");
        meta.put("inputs", List.of(Map.of("name", "input-0", "datatype", "FP32",
                "shape", List.of(-1, baseline.featureCount()))));
        List<Map<String, Object>> outputs = new ArrayList<>(List.of(
                Map.of("name", "scores", "datatype", "FP32", "shape", List.of(-1, -1)),
                Map.of("name", "predicted_class", "datatype", "INT64", "shape", List.of(-1)),
                Map.of("name", "gap", "datatype", "FP32", "shape", List.of(-1))));
        if (baseline.calibrated()) {
            outputs.add(Map.of("name", "probabilities", "datatype", "FP64",
                    "shape", List.of(-1, baseline.classNames().size())));
        }
        meta.put("outputs", outputs);
        meta.put("classes", baseline.classNames());
        return meta;
    }

    private Reply predict(JsonNode body) throws Exception {
        JsonNode instances = body.get("instances");
        if (instances == null || !instances.isArray() || instances.isEmpty()) {
            throw new HttpError(400, "expected {\"instances\": [[...], ...]} or {\"instances\": [{\"id\": ...,"
                    + " \"features\": [...]}, ...]}");
        }
        List<String> ids = new ArrayList<>();
        List<float[]> rows = new ArrayList<>();
        for (int i = 0; i < instances.size(); i++) {
            JsonNode instance = instances.get(i);
            JsonNode features = instance.isObject() ? instance.get("features") : instance;
            JsonNode id = instance.isObject() ? instance.get("id") : null;
            if (instance.isObject() && features == null) {
                throw new HttpError(400, "instances[" + i + "] has no \"features\"");
            }
            ids.add(id == null || id.isNull() ? null : id.asText());
            rows.add(row(features, "instances[" + i + "]"));
        }
        limitRows(rows.size());
        Prediction[] predictions = score(ids, rows);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Prediction p : predictions) {
            Map<String, Object> item = new LinkedHashMap<>();
            if (p.id() != null) {
                item.put("id", p.id());
            }
            item.put("model", p.model());
            item.put("class", p.predicted());
            item.put("class_name", p.className());
            item.put("scores", p.scores());
            item.put("gap", p.gap());
            if (p.probabilities() != null) {
                item.put("probabilities", p.probabilities());
            }
            out.add(item);
        }
        return Reply.json(200, Map.of("predictions", out));
    }

    private Reply infer(JsonNode body) throws Exception {
        JsonNode inputs = body.get("inputs");
        if (inputs == null || !inputs.isArray() || inputs.size() != 1) {
            throw new HttpError(400, "expected \"inputs\": one tensor [{\"name\", \"shape\": [N, "
                    + baseline.featureCount() + "], \"datatype\": \"FP32\", \"data\": [...]}]");
        }
        JsonNode input = inputs.get(0);
        JsonNode shape = input.get("shape");
        JsonNode data = input.get("data");
        if (shape == null || !shape.isArray() || shape.size() < 1 || data == null || !data.isArray()) {
            throw new HttpError(400, "inputs[0] needs \"shape\" and \"data\"");
        }
        int n = shape.get(0).asInt();
        long perRow = 1;
        for (int d = 1; d < shape.size(); d++) {
            perRow *= shape.get(d).asLong();
        }
        if (n < 1 || perRow != baseline.featureCount()) {
            throw new HttpError(400, "inputs[0].shape " + shape + " does not fit the model: [N, "
                    + baseline.featureCount() + "] with N >= 1");
        }
        limitRows(n);
        List<Double> flat = new ArrayList<>();
        flatten(data, flat);
        if (flat.size() != (long) n * perRow) {
            throw new HttpError(400, "inputs[0].data holds " + flat.size() + " values, its shape needs " + n * perRow);
        }
        List<float[]> rows = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            float[] row = new float[(int) perRow];
            for (int f = 0; f < perRow; f++) {
                row[f] = finite(flat.get((int) (r * perRow + f)), "inputs[0].data[" + (r * perRow + f) + "]");
            }
            rows.add(row);
        }
        List<String> ids = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            ids.add(null);
        }
        Prediction[] predictions = score(ids, rows);
        int outputs = predictions[0].scores().length;
        ObjectNode reply = JSON.createObjectNode();
        reply.put("model_name", baseline.name());
        reply.put("model_version", baseline.version());
        if (body.has("id")) {
            reply.set("id", body.get("id"));
        }
        ArrayNode out = reply.putArray("outputs");
        ArrayNode scores = tensor(out, "scores", "FP32", n, outputs);
        ArrayNode classes = tensor(out, "predicted_class", "INT64", n, -1);
        ArrayNode gaps = tensor(out, "gap", "FP32", n, -1);
        for (Prediction p : predictions) {
            for (float s : p.scores()) {
                scores.add(s);
            }
            classes.add(p.predicted());
            gaps.add(p.gap());
        }
        if (baseline.calibrated()) {
            ArrayNode probabilities = tensor(out, "probabilities", "FP64", n, baseline.classNames().size());
            for (Prediction p : predictions) {
                for (double v : p.probabilities()) {
                    probabilities.add(v);
                }
            }
        }
        return new Reply(200, "application/json", JSON.writeValueAsBytes(reply), Map.of());
    }

    private static ArrayNode tensor(ArrayNode outputs, String name, String type, int rows, int columns) {
        ObjectNode tensor = outputs.addObject();
        tensor.put("name", name);
        tensor.put("datatype", type);
        ArrayNode shape = tensor.putArray("shape").add(rows);
        if (columns > 0) {
            shape.add(columns);
        }
        return tensor.putArray("data");
    }

    private static void flatten(JsonNode node, List<Double> out) {
        if (node.isArray()) {
            node.forEach(child -> flatten(child, out));
        } else if (node.isNumber()) {
            out.add(node.asDouble());
        } else {
            throw new HttpError(400, "inputs[0].data holds a non-number: " + node);
        }
    }

    private void limitRows(int rows) {
        if (rows > options.maxRowsPerRequest()) {
            throw new HttpError(413, rows + " rows in one request; the limit is " + options.maxRowsPerRequest());
        }
    }

    private float[] row(JsonNode features, String where) {
        if (features == null || !features.isArray()) {
            throw new HttpError(400, where + " must be an array of " + baseline.featureCount() + " numbers");
        }
        if (features.size() != baseline.featureCount()) {
            throw new HttpError(400, where + " has " + features.size() + " features; the model takes "
                    + baseline.featureCount());
        }
        float[] row = new float[features.size()];
        for (int f = 0; f < row.length; f++) {
            JsonNode value = features.get(f);
            if (!value.isNumber()) {
                throw new HttpError(400, where + "[" + f + "] is not a number: " + value);
            }
            row[f] = finite(value.asDouble(), where + "[" + f + "]");
        }
        return row;
    }

    private static float finite(double value, String where) {
        float f = (float) value;
        if (!Float.isFinite(f)) {
            throw new HttpError(400, where + " is NaN or infinite (or beyond float32): " + value);
        }
        return f;
    }

    /** Routes rows to the baseline or the canary, waits for their batches, and records what was predicted. */
    private Prediction[] score(List<String> ids, List<float[]> rows) throws Exception {
        List<Integer> toCandidate = new ArrayList<>();
        List<Integer> toBaseline = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            (canary != null && canary.toCandidate(ids.get(i)) ? toCandidate : toBaseline).add(i);
        }
        CompletableFuture<Prediction[]> base = submit(baseline, rows, toBaseline);
        CompletableFuture<Prediction[]> cand = candidate == null ? null : submit(candidate, rows, toCandidate);
        Prediction[] out = new Prediction[rows.size()];
        place(out, ids, toBaseline, base);
        if (cand != null) {
            place(out, ids, toCandidate, cand);
        }
        for (int i = 0; i < out.length; i++) {
            record(out[i], rows.get(i));
        }
        return out;
    }

    private CompletableFuture<Prediction[]> submit(ServedModel model, List<float[]> rows, List<Integer> indices) {
        if (indices.isEmpty()) {
            return CompletableFuture.completedFuture(new Prediction[0]);
        }
        float[][] picked = new float[indices.size()][];
        for (int i = 0; i < picked.length; i++) {
            picked[i] = rows.get(indices.get(i));
        }
        return batchers.get(model.name()).submit(picked);
    }

    private static void place(Prediction[] out, List<String> ids, List<Integer> indices,
            CompletableFuture<Prediction[]> future) throws Exception {
        Prediction[] predictions;
        try {
            predictions = future.get(SCORE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new Batcher.QueueFullException(-1);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        for (int i = 0; i < indices.size(); i++) {
            out[indices.get(i)] = predictions[i].withId(ids.get(indices.get(i)));
        }
    }

    private void record(Prediction p, float[] features) throws IOException {
        String className = p.className();
        metrics.predictions.labelValues(p.model(), className).inc();
        ServedModel model = p.model().equals(baseline.name()) ? baseline : candidate;
        if (p.gap() < model.margin()) {
            metrics.insideMargin.labelValues(p.model(), className).inc();
        }
        metrics.gap.labelValues(p.model()).observe(p.gap());
        drift.get(p.model()).prediction(p.predicted(), p.gap());
        if (canary != null) {
            canary.prediction(p.model(), p.gap());
        }
        if (p.id() != null) {
            feedback.remember(p);
        }
        if (sampleLog != null) {
            sampleLog.maybeLog(features, p);
        }
    }

    private Reply feedback(JsonNode body) throws IOException {
        List<JsonNode> items = new ArrayList<>();
        if (body.isArray()) {
            body.forEach(items::add);
        } else {
            items.add(body);
        }
        if (items.isEmpty()) {
            throw new HttpError(400, "expected {\"id\": ..., \"label\": ...} or a list of them");
        }
        List<Map<String, Object>> results = new ArrayList<>();
        int matched = 0;
        for (JsonNode item : items) {
            JsonNode id = item.get("id");
            JsonNode label = item.get("label");
            if (id == null || label == null || id.isNull() || label.isNull()) {
                throw new HttpError(400, "feedback needs \"id\" and \"label\", got " + item);
            }
            int trueClass = classOf(label);
            Prediction prediction = feedback.take(id.asText());
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("id", id.asText());
            if (prediction == null) {
                metrics.unmatchedFeedback.inc();
                result.put("matched", false);
                result.put("error", "unknown id (never predicted with this id, already labelled, or out of the"
                        + " window of " + options.feedbackWindow() + " predictions)");
            } else {
                matched++;
                ServedModel model = prediction.model().equals(baseline.name()) ? baseline : candidate;
                double[] marginAndLoss = model.feedback(prediction, trueClass);
                String className = model.classNames().get(trueClass);
                boolean violated = marginAndLoss[1] > 0;
                metrics.feedback.labelValues(prediction.model(), className).inc();
                metrics.confusion.labelValues(prediction.model(), className, prediction.className()).inc();
                metrics.hingeLoss.labelValues(prediction.model(), className).inc(marginAndLoss[1]);
                metrics.signedMargin.labelValues(prediction.model(), className).observe(marginAndLoss[0]);
                if (violated) {
                    metrics.violations.labelValues(prediction.model(), className).inc();
                }
                drift.get(prediction.model()).feedback(trueClass, marginAndLoss[0]);
                if (canary != null) {
                    canary.feedback(prediction.model(), violated);
                }
                result.put("matched", true);
                result.put("model", prediction.model());
                result.put("signed_margin", marginAndLoss[0]);
                result.put("hinge_loss", marginAndLoss[1]);
                result.put("violation", violated);
            }
            results.add(result);
        }
        if (matched == 0) {
            return Reply.json(404, Map.of("error", results.get(0).get("error"), "feedback", results));
        }
        return Reply.json(200, Map.of("feedback", results));
    }

    private int classOf(JsonNode label) {
        List<String> names = baseline.classNames();
        if (label.isIntegralNumber() && label.asInt() >= 0 && label.asInt() < names.size()) {
            return label.asInt();
        }
        int index = names.indexOf(label.asText());
        if (index < 0) {
            throw new HttpError(400, "unknown label " + label + "; the model's classes are 0.." + (names.size() - 1)
                    + " or " + String.join(", ", names));
        }
        return index;
    }
}
