package io.hingekit.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.hingekit.config.VectorDistance;
import io.hingekit.export.ClusteredVectors;
import io.hingekit.export.ExportFormat;
import io.hingekit.export.ExportOptions;
import io.hingekit.export.ExportResult;
import io.hingekit.export.ExportService;
import io.hingekit.search.IndexRecallEvaluator;
import io.hingekit.search.IndexRecallReport;
import io.hingekit.search.LuceneIndexSearcher;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Export throughput per format and HNSW retrieval quality on synthetic embeddings: 10,000 L2-normalised 64-d
 * vectors in 20 Gaussian clusters. Writes {@code bench/results/export.json}.
 *
 * <p>Run: {@code mvn -o -q test-compile exec:java -Dexec.mainClass=io.hingekit.bench.ExportBenchmark
 * -Dexec.classpathScope=test} (or {@code java -cp target/test-classes:target/classes:<deps>}).
 */
public final class ExportBenchmark {

    private static final int COUNT = 10_000;
    private static final int DIMENSION = 64;
    private static final int CLUSTERS = 20;
    private static final double SPREAD = 0.2;
    private static final long SEED = 11L;
    private static final int BATCH_SIZE = 256;
    private static final int TIMED_RUNS = 3;
    private static final int[] CANDIDATES = {10, 50, 100, 200};
    private static final Path RESULTS = Path.of("bench/results/export.json");

    private ExportBenchmark() {}

    /**
     * Runs the benchmark.
     *
     * @param args unused
     * @throws IOException if writing fails
     */
    public static void main(String[] args) throws IOException {
        ClusteredVectors data = ClusteredVectors.generate(COUNT, DIMENSION, CLUSTERS, SPREAD, true, SEED);
        Path work = Files.createTempDirectory("hingekit-export-bench");
        try {
            Map<String, Object> results = new LinkedHashMap<>();
            results.put("date", Instant.now().toString());
            results.put("machine", machine());
            results.put("data", Map.of("count", COUNT, "dimension", DIMENSION, "clusters", CLUSTERS,
                    "spread", SPREAD, "normalized", true, "batchSize", BATCH_SIZE));
            Map<String, Object> throughput = new LinkedHashMap<>();
            for (ExportFormat format : ExportFormat.values()) {
                throughput.put(format.id(), throughput(data, format, work));
                System.out.println(format.id() + ": " + throughput.get(format.id()));
            }
            results.put("exportItemsPerSecond", throughput);
            results.put("hnsw", retrieval(data, work));
            results.put("loadAverageAtEnd", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            Files.createDirectories(RESULTS.getParent());
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(RESULTS.toFile(), results);
            System.out.println("wrote " + RESULTS.toAbsolutePath());
        } finally {
            deleteTree(work);
        }
    }

    /** One untimed run, then the median and best of the timed runs. */
    private static Map<String, Object> throughput(ClusteredVectors data, ExportFormat format, Path work)
            throws IOException {
        export(data, format, work.resolve(format.id() + "-warmup"));
        double[] rates = new double[TIMED_RUNS];
        for (int run = 0; run < TIMED_RUNS; run++) {
            rates[run] = export(data, format, work.resolve(format.id() + "-" + run)).itemsPerSecond();
        }
        Arrays.sort(rates);
        return Map.of("median", Math.round(rates[TIMED_RUNS / 2]), "best", Math.round(rates[TIMED_RUNS - 1]));
    }

    private static ExportResult export(ClusteredVectors data, ExportFormat format, Path out) throws IOException {
        return new ExportService().export(data.source(VectorDistance.COSINE, true, BATCH_SIZE),
                ExportOptions.builder().format(format).out(out).build());
    }

    private static List<Map<String, Object>> retrieval(ClusteredVectors data, Path work) throws IOException {
        Path index = work.resolve("lucene-0");
        List<Map<String, Object>> rows = new ArrayList<>();
        try (LuceneIndexSearcher searcher = LuceneIndexSearcher.open(index)) {
            for (int candidates : CANDIDATES) {
                IndexRecallReport report = IndexRecallEvaluator.builder().candidates(candidates).build().evaluate(searcher);
                System.out.println(report);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("maxConnections", ExportOptions.DEFAULT_MAX_CONNECTIONS);
                row.put("beamWidth", ExportOptions.DEFAULT_BEAM_WIDTH);
                row.put("report", report);
                rows.add(row);
            }
        }
        return rows;
    }

    private static Map<String, Object> machine() {
        return Map.of(
                "cores", Runtime.getRuntime().availableProcessors(),
                "loadAverageAtStart", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                "java", System.getProperty("java.version"),
                "os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
