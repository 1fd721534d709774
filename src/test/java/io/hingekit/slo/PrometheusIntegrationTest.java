package io.hingekit.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.Device;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hingekit.cli.Main;
import io.hingekit.serve.ScoringServer;
import io.hingekit.serve.ServeOptions;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every PromQL expression of the generated rules and dashboards, run against a real Prometheus (Debian's
 * {@code prometheus}, started here on loopback) that scrapes a running scoring server while labelled traffic is
 * replayed: each must return data. Bounded to about 40 s; Prometheus and the server are stopped also on failure.
 * Skipped where the {@code prometheus} binary is missing ({@code apt-get install prometheus}; .ci/setup does).
 */
class PrometheusIntegrationTest {

    private static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void everyRuleAndDashboardExpressionReturnsDataAfterAReplay() throws Exception {
        assumeTrue(Files.isExecutable(PROMETHEUS), "prometheus missing: apt-get install prometheus");
        Path model = tmp.resolve("quick");
        assertEquals(0, Main.run("train", "--config", "configs/quick.yaml", "--out", model.toString(), "--device",
                "cpu", "--no-tensorboard"));
        SloAssets assets = new SloAssets("quick", 0.95, 0.9);
        assets.write(tmp);
        ServeOptions options = new ServeOptions("127.0.0.1", 0, 64, 2, 4096, 1 << 20, 256, 10_000, 5000, 1, 0.2, 0.1,
                0, null, 0, 10, null, 0, false);
        int promPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            promPort = socket.getLocalPort();
        }
        Process prometheus = null;
        try (ScoringServer server = ScoringServer.start(model, options, Device.cpu())) {
            Files.writeString(tmp.resolve("prometheus.yml"), """
                    global: {scrape_interval: 1s, evaluation_interval: 1s}
                    rule_files: [%s]
                    scrape_configs:
                      - job_name: hingekit
                        static_configs: [{targets: ['127.0.0.1:%d']}]
                    """.formatted(tmp.resolve(SloAssets.RULES), server.port()));
            prometheus = new ProcessBuilder(PROMETHEUS.toString(), "--config.file=" + tmp.resolve("prometheus.yml"),
                    "--storage.tsdb.path=" + tmp.resolve("data"), "--web.listen-address=127.0.0.1:" + promPort)
                    .redirectErrorStream(true).redirectOutput(tmp.resolve("prometheus.log").toFile()).start();
            replay(server.port(), 12_000);
            String base = "http://127.0.0.1:" + promPort;
            List<String> empty = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            do {
                empty.clear();
                for (String expr : assets.expressions()) {
                    if (!hasData(base, expr)) {
                        empty.add(expr);
                    }
                }
                if (!empty.isEmpty()) {
                    replay(server.port(), 1000);
                }
            } while (!empty.isEmpty() && System.nanoTime() < deadline);
            assertTrue(empty.isEmpty(), "no data for: " + empty + "\n" + Files.readString(tmp.resolve("prometheus.log")));
        } finally {
            if (prometheus != null) {
                prometheus.destroy();
                if (!prometheus.waitFor(10, TimeUnit.SECONDS)) {
                    prometheus.destroyForcibly();
                }
            }
        }
    }

    /** Predictions with ids over random rows, and random labels for most of them, for about {@code millis}. */
    private static void replay(int port, long millis) throws Exception {
        Random random = new Random(port);
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        int id = 0;
        while (System.nanoTime() < end) {
            StringBuilder body = new StringBuilder("{\"instances\": [");
            for (int i = 0; i < 8; i++) {
                body.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
                        "{\"id\": \"%d-%d\", \"features\": [%f, %f, %f, %f]}", port, id + i, random.nextGaussian() * 2,
                        random.nextGaussian() * 2, random.nextGaussian() * 2, random.nextGaussian() * 2));
            }
            post(port, "/predict", body.append("]}").toString());
            StringBuilder feedback = new StringBuilder("[");
            for (int i = 0; i < 6; i++) {
                feedback.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "{\"id\": \"%d-%d\", \"label\": %d}",
                        port, id + i, random.nextInt(3)));
            }
            post(port, "/feedback", feedback.append("]").toString());
            id += 8;
            Thread.sleep(20);
        }
    }

    private static void post(int port, String path, String body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
    }

    private static boolean hasData(String base, String expr) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/query?query="
                    + URLEncoder.encode(expr, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = JSON.readTree(response.body());
            return "success".equals(body.path("status").asText()) && !body.path("data").path("result").isEmpty();
        } catch (Exception notYet) {
            return false;
        }
    }
}
