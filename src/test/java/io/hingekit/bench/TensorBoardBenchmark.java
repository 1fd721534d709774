package io.hingekit.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.hingekit.tensorboard.SummaryWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Measures the TensorBoard writer: scalar events per second through {@link SummaryWriter} (until close, fsync
 * included) and the cost of logging one histogram of a 1M-element NDArray (and of a 1M float[]), median of
 * repeats. Writes {@code bench/results/tensorboard.json} and prints it.
 *
 * <p>Run after {@code mvn -o test-compile}: {@code java [-Dai.djl.pytorch.num_threads=1] -cp
 * target/test-classes:target/classes:<dependencies> io.hingekit.bench.TensorBoardBenchmark}.
 */
public final class TensorBoardBenchmark {

    private static final int SCALARS = 200_000;
    private static final int SCALAR_REPEATS = 5;
    private static final int HISTOGRAM_SIZE = 1_000_000;
    private static final int HISTOGRAM_WARMUP = 3;
    private static final int HISTOGRAM_REPEATS = 15;
    private static final Path RESULT = Path.of("bench", "results", "tensorboard.json");
    /** DJL's setting of libtorch's intra-op threads; on a shared 2-core machine 1 avoids OpenMP oversubscription. */
    private static final String THREADS_PROPERTY = "ai.djl.pytorch.num_threads";

    private TensorBoardBenchmark() {}

    /**
     * Runs the benchmark.
     *
     * @param args unused
     * @throws IOException if the temporary logs or the result cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path root = Files.createTempDirectory("tb-bench");
        try {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("date", LocalDate.now().toString());
            result.put("cpus", Runtime.getRuntime().availableProcessors());
            result.put("java", System.getProperty("java.version"));
            result.put("torch_intra_op_threads", System.getProperty(THREADS_PROPERTY, "default (one per core)"));
            result.put("scalar_events", SCALARS);
            result.put("scalar_events_per_second", Math.round(scalarEventsPerSecond(root.resolve("scalars"))));
            try (NDManager manager = NDManager.newBaseManager()) {
                NDArray values = manager.randomNormal(new Shape(HISTOGRAM_SIZE));
                result.put("device", values.getDevice().toString());
                result.put("histogram_elements", HISTOGRAM_SIZE);
                result.put("histogram_ndarray_median_ms", histogramMillis(root.resolve("ndarray"), values, null));
                result.put("histogram_float_array_median_ms",
                        histogramMillis(root.resolve("floats"), null, values.toFloatArray()));
            }
            String json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(result);
            Files.createDirectories(RESULT.getParent());
            Files.writeString(RESULT, json + System.lineSeparator());
            System.out.println(json);
        } finally {
            deleteRecursively(root);
        }
    }

    private static double scalarEventsPerSecond(Path dir) throws IOException {
        double[] rates = new double[SCALAR_REPEATS];
        for (int r = 0; r < SCALAR_REPEATS; r++) {
            long start = System.nanoTime();
            try (SummaryWriter writer = SummaryWriter.open(dir.resolve("r" + r))) {
                for (int step = 0; step < SCALARS; step++) {
                    writer.scalar("train/step_loss", 1.0 / (step + 1), step);
                }
            }
            rates[r] = SCALARS / ((System.nanoTime() - start) / 1e9);
        }
        return median(rates);
    }

    /** Times histogram(...) of either the NDArray or the float[] (the other null). */
    private static double histogramMillis(Path dir, NDArray array, float[] floats) throws IOException {
        double[] millis = new double[HISTOGRAM_REPEATS];
        try (SummaryWriter writer = SummaryWriter.open(dir)) {
            for (int i = 0; i < HISTOGRAM_WARMUP + HISTOGRAM_REPEATS; i++) {
                long start = System.nanoTime();
                if (array != null) {
                    writer.histogram("values", array, i);
                } else {
                    writer.histogram("values", floats, i);
                }
                if (i >= HISTOGRAM_WARMUP) {
                    millis[i - HISTOGRAM_WARMUP] = (System.nanoTime() - start) / 1e6;
                }
            }
        }
        return Math.round(median(millis) * 10) / 10.0;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
