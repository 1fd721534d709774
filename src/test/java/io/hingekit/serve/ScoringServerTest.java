package io.hingekit.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hingekit.cli.Main;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scoring server on loopback with a small blobs classifier (quick.yaml: 3 classes, 4 features, Weston-Watkins
 * hinge with margin 1 divided by the classes): endpoints, metric values for a scripted sequence computed by hand,
 * bad input, limits, batching, and parity with {@code score}.
 */
class ScoringServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path tmp;

    private static Path model;
    private ScoringServer server;

    @BeforeAll
    static void train() {
        model = tmp.resolve("quick");
        assertEquals(0, Main.run("train", "--config", "configs/quick.yaml", "--out", model.toString(), "--device",
                "cpu", "--no-tensorboard"));
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    static ServeOptions options(int maxQueueRows, int maxWaitMillis) {
        return new ServeOptions("127.0.0.1", 0, 64, maxWaitMillis, maxQueueRows, 4096, 16, 1000, 1000, 3600, 0.2,
                0.1, 0, null, 0, 10, null, 0, false);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Weston-Watkins hinge of one sample, divided by the classes as PyTorch's MultiMarginLoss: by hand. */
    private static double hinge(double[] s, int y) {
        double sum = 0;
        for (int j = 0; j < s.length; j++) {
            sum += j == y ? 0 : Math.max(0, 1 - (s[y] - s[j]));
        }
        return sum / s.length;
    }

    private static double metric(String text, String name, String labels) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{" + Pattern.quote(labels) + "\\} (\\S+)$")
                .matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void aScriptedSequenceGivesTheMetricsComputedByHand() throws Exception {
        server = ScoringServer.start(model, options(1000, 1), Device.cpu());
        double[][] rows = {{0.5, 0.2, -1, 2}, {3, 1, 0, -1}, {-2, 2, 1, 0}, {1, 1, 1, 1}};
        int[] labels = {0, 1, 2, 0};
        List<double[]> scores = new ArrayList<>();
        int[] predicted = new int[rows.length];
        double[] gaps = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            HttpResponse<String> r = post("/predict", "{\"instances\": [{\"id\": \"r" + i + "\", \"features\": "
                    + JSON.writeValueAsString(rows[i]) + "}]}");
            assertEquals(200, r.statusCode(), r.body());
            JsonNode p = JSON.readTree(r.body()).get("predictions").get(0);
            double[] s = new double[3];
            for (int k = 0; k < 3; k++) {
                s[k] = p.get("scores").get(k).floatValue();
            }
            scores.add(s);
            predicted[i] = p.get("class").asInt();
            double[] sorted = s.clone();
            Arrays.sort(sorted);
            assertEquals(sorted[2] - sorted[1], p.get("gap").doubleValue(), 1e-5);
            gaps[i] = p.get("gap").doubleValue();
        }
        double lossSum = 0;
        int violations = 0;
        for (int i = 0; i < 3; i++) { // feedback for the first three only
            HttpResponse<String> r = post("/feedback", "{\"id\": \"r" + i + "\", \"label\": " + labels[i] + "}");
            assertEquals(200, r.statusCode(), r.body());
            double loss = hinge(scores.get(i), labels[i]);
            assertEquals(loss, JSON.readTree(r.body()).get("feedback").get(0).get("hinge_loss").asDouble(), 1e-5);
            lossSum += loss;
            violations += loss > 0 ? 1 : 0;
        }
        assertEquals(404, post("/feedback", "{\"id\": \"r0\", \"label\": 0}").statusCode(), "already labelled");
        assertEquals(400, post("/predict", "{\"instances\": [[1, 2]]}").statusCode());

        String metrics = get("/metrics").body();
        int inside = 0;
        for (double gap : gaps) {
            inside += gap < 1 ? 1 : 0;
        }
        double predictions = 0;
        double insideCounted = 0;
        for (String c : List.of("class-0", "class-1", "class-2")) {
            predictions += metric(metrics, "hingekit_predictions_total", "class=\"" + c + "\",model=\"quick\"");
            insideCounted += metric(metrics, "hingekit_predictions_inside_margin_total",
                    "class=\"" + c + "\",model=\"quick\"");
        }
        assertEquals(4, predictions);
        assertEquals(inside, insideCounted);
        for (int c = 0; c < 3; c++) {
            final int cls = c;
            long expected = IntStream.range(0, 4).filter(i -> predicted[i] == cls).count();
            assertEquals(expected, metric(metrics, "hingekit_predictions_total",
                    "class=\"class-" + c + "\",model=\"quick\""), "class " + c);
        }
        double feedback = 0;
        double violated = 0;
        double loss = 0;
        for (String c : List.of("class-0", "class-1", "class-2")) {
            String l = "class=\"" + c + "\",model=\"quick\"";
            feedback += metric(metrics, "hingekit_feedback_total", l);
            violated += metric(metrics, "hingekit_feedback_violations_total", l);
            loss += metric(metrics, "hingekit_feedback_hinge_loss_total", l);
        }
        assertEquals(3, feedback);
        assertEquals(violations, violated);
        assertEquals(lossSum, loss, 1e-5);
        assertEquals(4, metric(metrics, "hingekit_requests_total", "code=\"200\",endpoint=\"predict\""));
        assertEquals(1, metric(metrics, "hingekit_requests_total", "code=\"400\",endpoint=\"predict\""));
        assertEquals(1, metric(metrics, "hingekit_requests_total", "code=\"404\",endpoint=\"feedback\""));
        assertTrue(metrics.contains("hingekit_model_info{"), metrics);
        assertTrue(metrics.contains("hingekit_request_duration_seconds_bucket{endpoint=\"predict\""), metrics);
        // a scraper that asks for the protobuf format gets native histograms too
        HttpResponse<byte[]> protobuf = HTTP.send(HttpRequest.newBuilder(URI.create(url("/metrics")))
                .header("Accept", "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;"
                        + "encoding=delimited").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertTrue(protobuf.headers().firstValue("Content-Type").orElse("").startsWith("application/vnd.google"
                + ".protobuf"), protobuf.headers().toString());
    }

    @Test
    void badInputGets4xxWithJsonAndTheServerKeepsServing() throws Exception {
        server = ScoringServer.start(model, options(1000, 1), Device.cpu());
        String good = "{\"instances\": [[0.1, 0.2, 0.3, 0.4]]}";
        String[][] cases = {
            {"/predict", "{not json", "400", "malformed JSON"},
            {"/predict", "{\"instances\": [[1, 2, 3]]}", "400", "has 3 features; the model takes 4"},
            {"/predict", "{\"instances\": [[1, 2, \"x\", 4]]}", "400", "instances[0][2] is not a number"},
            {"/predict", "{\"instances\": [[1, 2, 1e39, 4]]}", "400", "NaN or infinite"},
            {"/predict", "{\"rows\": []}", "400", "expected {\"instances\""},
            {"/predict", "{\"instances\": [[1,2,3,4]], \"pad\": \"" + "x".repeat(5000) + "\"}", "413",
                "over the limit of 4096"},
            {"/predict", "{\"instances\": [" + "[1,2,3,4],".repeat(16) + "[1,2,3,4]]}", "413", "17 rows"},
            {"/feedback", "{\"id\": \"nobody\", \"label\": 1}", "404", "unknown id"},
            {"/feedback", "{\"id\": \"x\", \"label\": \"cat\"}", "400", "unknown label"},
            {"/v2/models/other/infer", good, "404", "unknown model 'other'"},
            {"/v2/models/quick/infer", "{\"inputs\": [{\"shape\": [1, 3], \"data\": [1, 2, 3]}]}", "400",
                "does not fit the model"},
            {"/nowhere", good, "404", "no endpoint /nowhere"},
        };
        for (String[] c : cases) {
            HttpResponse<String> r = post(c[0], c[1]);
            assertEquals(Integer.parseInt(c[2]), r.statusCode(), c[0] + " " + c[1] + " -> " + r.body());
            assertTrue(JSON.readTree(r.body()).get("error").asText().contains(c[3]), r.body());
            assertEquals(200, post("/predict", good).statusCode(), "a good request after " + c[1]);
        }
        assertEquals(405, get("/predict").statusCode());
        assertEquals(200, get("/v2/health/live").statusCode());
        assertEquals(200, get("/v2/health/ready").statusCode());
        assertEquals(200, get("/v2/models/quick/ready").statusCode());
        JsonNode meta = JSON.readTree(get("/v2/models/quick").body());
        assertEquals(4, meta.get("inputs").get(0).get("shape").get(1).asInt());
    }

    @Test
    void aFullQueueAnswers503WithRetryAfter() throws Exception {
        server = ScoringServer.start(model, options(1, 1), Device.cpu());
        HttpResponse<String> r = post("/predict", "{\"instances\": [[1,2,3,4],[1,2,3,4]]}");
        assertEquals(503, r.statusCode(), r.body());
        assertEquals("1", r.headers().firstValue("Retry-After").orElse(""));
        assertTrue(JSON.readTree(r.body()).get("error").asText().contains("queue is full"), r.body());
    }

    @Test
    void concurrentClientsAreBatchedAndEveryGoodRequestSucceeds() throws Exception {
        server = ScoringServer.start(model, options(1000, 20), Device.cpu());
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<Integer>> codes = new ArrayList<>();
        int good = 0;
        int bad = 0;
        for (int i = 0; i < 200; i++) {
            boolean isBad = i % 5 == 0;
            good += isBad ? 0 : 1;
            bad += isBad ? 1 : 0;
            String body = isBad ? "{\"instances\": [[1, 2]]}" : String.format(Locale.ROOT,
                    "{\"instances\": [[%f, 0.5, -1, 2]]}", i / 100.0);
            codes.add(clients.submit(() -> post("/predict", body).statusCode()));
        }
        int ok = 0;
        int refused = 0;
        for (Future<Integer> code : codes) {
            int c = code.get();
            ok += c == 200 ? 1 : 0;
            refused += c == 400 ? 1 : 0;
        }
        clients.shutdown();
        assertEquals(good, ok, "every good request succeeds");
        assertEquals(bad, refused);
        String metrics = get("/metrics").body();
        assertEquals(good, metric(metrics, "hingekit_requests_total", "code=\"200\",endpoint=\"predict\""));
        assertEquals(bad, metric(metrics, "hingekit_requests_total", "code=\"400\",endpoint=\"predict\""));
        double batches = metric(metrics, "hingekit_batch_size_rows_count", "model=\"quick\"");
        assertEquals(good, metric(metrics, "hingekit_batch_size_rows_sum", "model=\"quick\""), 1e-9);
        assertTrue(batches < good, "rows of concurrent requests share device calls: " + batches + " batches");
    }

    @Test
    void stoppingDrainsTheRequestsInFlight() throws Exception {
        // rows wait up to 1.5 s for a batch to fill, so the stop (what SIGTERM's hook calls) finds them in flight
        server = ScoringServer.start(model, options(1000, 1500), Device.cpu());
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<Integer>> inFlight = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            inFlight.add(clients.submit(() -> post("/predict", "{\"instances\": [[1, 2, 3, 4]]}").statusCode()));
        }
        Thread.sleep(300);
        ScoringServer stopping = server;
        server = null;
        stopping.close();
        for (Future<Integer> code : inFlight) {
            assertEquals(200, code.get().intValue(), "an in-flight request finishes");
        }
        clients.shutdown();
    }

    @Test
    void theServerScoresARowAsScoreDoes() throws Exception {
        Path csv = Files.writeString(tmp.resolve("rows.csv"), "a,b,c,d\n0.5,0.2,-1,2\n3,1,0,-1\n");
        Path out = tmp.resolve("rows-scores.csv");
        assertEquals(0, Main.run("score", "--model", model.toString(), "--input", csv.toString(), "--out",
                out.toString(), "--device", "cpu"));
        List<String> lines = Files.readAllLines(out);
        server = ScoringServer.start(model, options(1000, 1), Device.cpu());
        JsonNode predictions = JSON.readTree(post("/predict",
                "{\"instances\": [[0.5,0.2,-1,2],[3,1,0,-1]]}").body()).get("predictions");
        for (int i = 0; i < 2; i++) {
            String[] cells = lines.get(i + 1).split(",");
            for (int k = 0; k < 3; k++) {
                assertEquals(Float.parseFloat(cells[3 + k]), predictions.get(i).get("scores").get(k).floatValue(),
                        0f, "row " + i + " score " + k);
            }
            assertEquals(Float.parseFloat(cells[6]), predictions.get(i).get("gap").floatValue(), 0f);
        }
    }

    @Test
    void liveDriftIsPublishedOnScheduleNotPerRequest() throws Exception {
        server = ScoringServer.start(model, options(1000, 1), Device.cpu());
        StringBuilder body = new StringBuilder("{\"instances\": [");
        for (int i = 0; i < 16; i++) {
            body.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "[%f, %f, 0, 1]", i * 0.3, 2 - i * 0.2));
        }
        body.append("]}");
        for (int i = 0; i < 3; i++) {
            assertEquals(200, post("/predict", body.toString()).statusCode());
        }
        assertFalse(get("/metrics").body().contains("hingekit_margin_drift_psi{"), "not before the schedule runs");
        server.recomputeDrift();
        String metrics = get("/metrics").body();
        assertTrue(metrics.contains("hingekit_margin_drift_psi{class=\"all\",model=\"quick\",quantity=\"gap\"}"),
                metrics);
        assertTrue(metrics.contains("hingekit_retrain_signal{model=\"quick\"}"), metrics);
    }
}
