package io.hingekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark jobs on a real standalone cluster on loopback: a master and a worker started as separate JVMs from
 * Spark's own classes (256 MiB heap each, one executor of 1 GiB and 2 cores), the jobs submitted to
 * {@code spark://127.0.0.1:<port>} from this JVM, the executor given this build's classpath; the cluster is killed
 * in {@code finally}, also when the test fails. Scores must equal the single-machine {@code score}'s, and the drift
 * verdict and KS statistic {@code drift}'s.
 */
@Timeout(240)
class SparkStandaloneClusterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void scoreReportExportAndDriftRunOnAStandaloneCluster() throws Exception {
        Path model = tmp.resolve("quick");
        assertEquals(0, CliRun.of(new Main(), "train", "--config", "configs/quick.yaml", "--out", model.toString(),
                "--device", "cpu", "--no-tensorboard").exitCode());
        Path embedding = tmp.resolve("embedding");
        assertEquals(0, CliRun.of(new Main(), "train", "--config", "src/test/resources/configs/embedding.yaml",
                "--out", embedding.toString(), "--device", "cpu", "--no-tensorboard").exitCode());
        StringBuilder csv = new StringBuilder("id,a,b,c,d,label\n");
        StringBuilder plain = new StringBuilder("a,b,c,d,label\n");
        java.util.Random random = new java.util.Random(5);
        for (int i = 0; i < 120; i++) {
            String features = String.format(java.util.Locale.ROOT, "%s,%s,%s,%s", (float) random.nextGaussian() * 2,
                    (float) random.nextGaussian() * 2, (float) random.nextGaussian() * 2,
                    (float) random.nextGaussian() * 2);
            String label = "class-" + random.nextInt(3);
            csv.append(i).append(',').append(features).append(',').append(label).append('\n');
            plain.append(features).append(',').append(label).append('\n');
        }
        Path rows = Files.writeString(tmp.resolve("rows.csv"), csv);
        Path single = tmp.resolve("single.csv");
        CliRun local = CliRun.of(new Main(), "score", "--model", model.toString(), "--input",
                Files.writeString(tmp.resolve("plain.csv"), plain).toString(), "--out", single.toString(),
                "--device", "cpu");
        assertEquals(0, local.exitCode(), local.err());

        List<Process> cluster = new ArrayList<>();
        try {
            String master = startCluster(cluster);
            List<String> submit = List.of("--master", master, "--conf", "spark.driver.host=127.0.0.1",
                    "--conf", "spark.driver.bindAddress=127.0.0.1", "--conf", "spark.executor.memory=1g",
                    "--conf", "spark.executor.extraClassPath=" + System.getProperty("java.class.path"),
                    "--conf", "spark.executorEnv.DJL_OFFLINE=true", "--conf", "spark.ui.enabled=false");
            Path scores = tmp.resolve("cluster-scores");
            CliRun score = spark(submit, "score", "--model", model.toString(), "--input", rows.toString(), "--out",
                    scores.toString());
            assertEquals(0, score.exitCode(), score.err());
            SparkSession session = SparkSession.active();
            assertEquals(master, session.sparkContext().master());
            List<Row> scored = session.read().parquet(scores.toString()).orderBy("id").collectAsList();
            List<String> expected = Files.readAllLines(single).subList(1, 121);
            for (int i = 0; i < 120; i++) {
                String[] want = expected.get(i).split(",");
                assertEquals(Long.parseLong(want[1]), scored.get(i).getLong(scored.get(i).fieldIndex("predicted")));
                assertEquals(Float.parseFloat(want[3]), scored.get(i).getFloat(scored.get(i).fieldIndex("score_0")),
                        1e-5);
            }
            CliRun report = spark(submit, "report", "--model", model.toString(), "--scores", scores.toString());
            assertEquals(0, report.exitCode(), report.err());
            assertEquals(120, JSON.readTree(report.out()).get("count").asLong());
            CliRun export = spark(submit, "export", "--model", embedding.toString(), "--split", "test", "--out",
                    tmp.resolve("cluster-export").toString());
            assertEquals(0, export.exitCode(), export.err());
            JsonNode manifest = JSON.readTree(tmp.resolve("cluster-export/manifest.json").toFile());
            assertEquals(250, manifest.get("count").asLong());
            CliRun drift = spark(submit, "drift", "--reference", model.toString(), "--current", single.toString(),
                    "--by-class");
            CliRun localDrift = CliRun.of(new Main(), "drift", "--reference", model.toString(), "--current",
                    single.toString(), "--by-class", "--json");
            assertEquals(localDrift.exitCode(), drift.exitCode(), drift.err());
            assertEquals(JSON.readTree(localDrift.out()).get("overall").get("ks_statistic").asDouble(),
                    JSON.readTree(drift.out()).get("overall").get("ks_statistic").asDouble(), 1e-12);
        } finally {
            if (SparkSession.getActiveSession().isDefined()) {
                SparkSession.active().stop();
            }
            for (Process process : cluster) {
                process.descendants().forEach(ProcessHandle::destroyForcibly); // the worker's executor JVMs
                process.destroy();
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
                }
            }
        }
    }

    private static CliRun spark(List<String> submit, String job, String... args) {
        List<String> all = new ArrayList<>(List.of("spark", job));
        all.addAll(submit);
        all.addAll(List.of(args));
        return CliRun.of(new Main(), all.toArray(String[]::new));
    }

    /** Starts a master and a worker; returns the master's URL once the worker has registered. */
    private String startCluster(List<Process> cluster) throws IOException, InterruptedException {
        int port = freePort();
        int ui = freePort();
        Path home = Files.createDirectories(tmp.resolve("spark-home/jars"));
        cluster.add(daemon("org.apache.spark.deploy.master.Master", home.getParent(), "master", "--host", "127.0.0.1",
                "--port", String.valueOf(port), "--webui-port", String.valueOf(ui)));
        String master = "spark://127.0.0.1:" + port;
        cluster.add(daemon("org.apache.spark.deploy.worker.Worker", home.getParent(), "worker", "--host", "127.0.0.1",
                "--cores", "2", "--memory", "1g", "--webui-port", "0", "--work-dir",
                tmp.resolve("work").toString(), master));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            for (Process process : cluster) {
                assertTrue(process.isAlive(), "a cluster process exited: see " + tmp);
            }
            try (InputStream in = URI.create("http://127.0.0.1:" + ui + "/json/").toURL().openStream()) {
                if (JSON.readTree(in).path("aliveworkers").asInt() == 1) {
                    return master;
                }
            } catch (IOException notYet) {
                // the master's UI is not up yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the worker did not register with the master within 90 s");
    }

    private Process daemon(String mainClass, Path sparkHome, String name, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "@src/main/spark/java17.args", "-cp", System.getProperty("java.class.path"),
                mainClass));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(tmp.resolve(name + ".log").toFile());
        builder.environment().put("SPARK_HOME", sparkHome.toString());
        builder.environment().put("SPARK_SCALA_VERSION", "2.13");
        builder.environment().put("DJL_OFFLINE", "true");
        return builder.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
