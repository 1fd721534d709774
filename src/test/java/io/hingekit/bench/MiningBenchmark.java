package io.hingekit.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.hingekit.mining.BatchAllMiner;
import io.hingekit.mining.BatchHardMiner;
import io.hingekit.mining.Distance;
import io.hingekit.mining.EuclideanDistance;
import io.hingekit.mining.Miner;
import io.hingekit.mining.SemiHardMiner;
import io.hingekit.mining.Triplets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Times one mining call (Euclidean distance matrix + mining) on the CPU for B in {256, 1024, 2048} at dimension
 * 128 (standard normal values from the LCG stream the Python peer also uses), labels {@code i / 8} (P = B/8
 * classes x K = 8), for batch-hard, semi-hard (margin 0.2) and batch-all (every triplet), and writes the medians
 * to {@code bench/results/mining.json}; for batch-all at B = 2048 it also records the process's peak resident
 * memory during that call. The PyTorch peer is
 * {@code src/test/python/mining_benchmark.py}. Not a test. Run after {@code mvn -o -q test-compile}, on a shared
 * machine with OpenMP threads that sleep rather than spin while waiting (both sides use libgomp; spinning threads
 * that lose their core to another process turn every small op into a scheduler time slice):
 *
 * <pre>
 * mvn -o -q dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * OMP_WAIT_POLICY=PASSIVE java -cp target/classes:target/test-classes:$(cat /tmp/cp.txt) \
 *     io.hingekit.bench.MiningBenchmark [repeats]
 * </pre>
 */
public final class MiningBenchmark {

    private static final int DIM = 128;
    private static final int SAMPLES_PER_CLASS = 8;
    private static final float MARGIN = 0.2f;
    private static final int[] BATCHES = {256, 1024, 2048};
    private static final int WARMUP_CALLS = 5;
    private static final long WARMUP_NANOS = 2_000_000_000L;
    private static final Path OUTPUT = Path.of("bench", "results", "mining.json");

    private MiningBenchmark() {}

    /**
     * Runs the benchmark.
     *
     * @param args optional: the number of timed repeats after the warm-up (at least 5 calls and 2 s; default 21;
     *     batch-all at B &gt;= 1024 uses 5)
     * @throws IOException if the results cannot be written
     */
    public static void main(String[] args) throws IOException {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 21;
        Distance distance = new EuclideanDistance();
        Map<String, Miner> miners = new LinkedHashMap<>();
        miners.put("batch_hard", new BatchHardMiner());
        miners.put("semi_hard", new SemiHardMiner(MARGIN));
        miners.put("batch_all", BatchAllMiner.all());
        List<Map<String, Object>> results = new ArrayList<>();
        Map<String, Object> memory = new LinkedHashMap<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int batch : BATCHES) {
                NDArray embeddings = manager.create(gaussian(batch), new Shape(batch, DIM));
                NDArray labels = manager.arange(batch).div(SAMPLES_PER_CLASS).floor().toType(DataType.INT64, false);
                for (Map.Entry<String, Miner> entry : miners.entrySet()) {
                    boolean heavy = entry.getKey().equals("batch_all") && batch >= 1024;
                    if (heavy && batch == 2048) {
                        memory = peakMemory(distance, entry.getValue(), embeddings, labels);
                    }
                    Map<String, Object> row = time(distance, entry.getValue(), embeddings, labels, heavy ? 5 : repeats);
                    row.put("miner", entry.getKey());
                    row.put("batch", batch);
                    results.add(row);
                    System.out.printf("%-10s B=%5d: %9.2f ms median, %s triplets%n",
                            entry.getKey(), batch, (double) row.get("median_ms"), row.get("triplets"));
                }
            }
        }
        write(results, memory);
    }

    private static Map<String, Object> time(Distance distance, Miner miner, NDArray embeddings, NDArray labels,
            int repeats) {
        long triplets = 0;
        long warmupEnd = System.nanoTime() + WARMUP_NANOS;
        for (int i = 0; i < WARMUP_CALLS || System.nanoTime() < warmupEnd; i++) {
            triplets = mineOnce(distance, miner, embeddings, labels);
        }
        double[] millis = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long start = System.nanoTime();
            mineOnce(distance, miner, embeddings, labels);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("dim", DIM);
        row.put("median_ms", Math.round(millis[repeats / 2] * 1000) / 1000.0);
        row.put("repeats", repeats);
        row.put("triplets", triplets);
        return row;
    }

    /** One timed unit: distances + mining, with every array it creates closed before returning. */
    private static long mineOnce(Distance distance, Miner miner, NDArray embeddings, NDArray labels) {
        try (NDManager scope = embeddings.getManager().newSubManager()) {
            embeddings.tempAttach(scope);
            labels.tempAttach(scope);
            Triplets triplets = miner.mine(distance, embeddings, labels);
            return triplets.size();
        }
    }

    /** Peak resident memory of one mining call: VmHWM after resetting it (Linux clear_refs 5), minus VmRSS. */
    private static Map<String, Object> peakMemory(Distance distance, Miner miner, NDArray embeddings,
            NDArray labels) throws IOException {
        mineOnce(distance, miner, embeddings, labels);
        Map<String, Object> memory = new LinkedHashMap<>();
        long before = statusKb("VmRSS");
        Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        mineOnce(distance, miner, embeddings, labels);
        long peak = statusKb("VmHWM");
        memory.put("call", "batch_all B=2048 dim=128");
        memory.put("rss_before_mb", before / 1024);
        memory.put("peak_rss_mb", peak / 1024);
        memory.put("peak_increase_mb", (peak - before) / 1024);
        return memory;
    }

    private static long statusKb(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException(field + " not found in /proc/self/status");
    }

    /** Standard normal values from a 64-bit LCG (Knuth's MMIX constants) + Box-Muller, as the Python peer. */
    private static float[] gaussian(int batch) {
        float[] values = new float[batch * DIM];
        long state = batch;
        for (int i = 0; i < values.length; i += 2) {
            state = state * 6364136223846793005L + 1442695040888963407L;
            double u1 = (state >>> 11) * 0x1.0p-53;
            state = state * 6364136223846793005L + 1442695040888963407L;
            double u2 = (state >>> 11) * 0x1.0p-53;
            double radius = StrictMath.sqrt(-2.0 * StrictMath.log(1.0 - u1));
            values[i] = (float) (radius * StrictMath.cos(2 * Math.PI * u2));
            values[i + 1] = (float) (radius * StrictMath.sin(2 * Math.PI * u2));
        }
        return values;
    }

    private static void write(List<Map<String, Object>> results, Map<String, Object> memory) throws IOException {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("implementation", "Hingekit on DJL 0.36 / libtorch 2.7.1 (Java)");
        data.put("threads", Runtime.getRuntime().availableProcessors());
        data.put("date", LocalDate.now().toString());
        data.put("results", results);
        data.put("memory", memory);
        Files.createDirectories(OUTPUT.getParent());
        Path temporary = OUTPUT.resolveSibling(OUTPUT.getFileName() + ".tmp");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(temporary.toFile(), data);
        Files.move(temporary, OUTPUT, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
