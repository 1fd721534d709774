package io.hingekit.bench;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.loss.Loss;
import io.hingekit.loss.MulticlassHingeLoss;
import io.hingekit.mining.BatchAllMiner;
import io.hingekit.mining.BatchHardMiner;
import io.hingekit.mining.Distance;
import io.hingekit.mining.EuclideanDistance;
import io.hingekit.mining.Miner;
import io.hingekit.mining.SemiHardMiner;
import io.hingekit.mining.TripletHingeLoss;
import io.hingekit.mining.Triplets;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The Java side of the mining and loss benchmark that {@code bench/mining.py} drives: it times one mining call
 * (Euclidean distance matrix + mining) or one loss forward + backward on request, on the CPU or, with
 * {@code HINGEKIT_BENCH_DEVICE=gpu}, on GPU 0, so that the driver can alternate short blocks of Java and PyTorch calls
 * and both sides see the same machine conditions. Mining inputs are B x 128 standard normal values from the LCG
 * stream the Python peer ({@code src/test/python/mining_benchmark.py}) also uses, labels {@code i / 8} (P = B/8
 * classes x K = 8), semi-hard margin 0.2, batch-all keeping every triplet. The losses: {@code mc_hinge}, the
 * {@link MulticlassHingeLoss} the training loop builds (Weston-Watkins, margin 1, {@code torch.nn.MultiMarginLoss}'s;
 * labels checked once when the data is loaded, not on every call as the builder's default does on the host) on
 * B x 10 scores from the same stream, labels {@code i % 10}; {@code triplet_batch_hard}, the default
 * {@link TripletHingeLoss} (margin 0.2, Euclidean, batch-hard, mean over the triplets with a positive loss) on the
 * mining inputs; each call records the loss, backpropagates it to the input and reads the loss value back. Not a test.
 *
 * <p>Protocol, one request per line on standard input and one answer per line on standard output (logging goes to
 * standard error):
 *
 * <pre>
 * time MINER B CALLS   -&gt;  TRIPLETS MS MS ...      (MINER: batch_hard, semi_hard or batch_all)
 * time LOSS B CALLS    -&gt;  LOSS_VALUE MS MS ...    (LOSS: mc_hinge or triplet_batch_hard)
 * memory               -&gt;  RSS_BEFORE_MIB PEAK_RSS_MIB   (one batch_all call at B = 2048)
 * version              -&gt;  the libtorch version the engine runs on
 * quit
 * </pre>
 */
public final class MiningBenchmark {

    private static final int DIM = 128;
    private static final int SAMPLES_PER_CLASS = 8;
    private static final float MARGIN = 0.2f;
    private static final int MEMORY_BATCH = 2048;
    private static final int CLASSES = 10;

    private final Distance distance = new EuclideanDistance();
    private final Map<String, Miner> miners = Map.of(
            "batch_hard", new BatchHardMiner(),
            "semi_hard", new SemiHardMiner(MARGIN),
            "batch_all", BatchAllMiner.all());
    private final Map<String, Loss> losses = Map.of(
            "mc_hinge", MulticlassHingeLoss.builder().validateLabels(false).build(),
            "triplet_batch_hard", TripletHingeLoss.builder().build());
    private final Map<Integer, NDArray[]> inputs = new HashMap<>();
    private final Map<Integer, NDArray[]> scores = new HashMap<>();
    private final NDManager manager;

    private MiningBenchmark(NDManager manager) {
        this.manager = manager;
    }

    /**
     * Serves timing requests until {@code quit} or the end of standard input.
     *
     * @param args unused
     * @throws IOException if standard input or {@code /proc} cannot be read
     */
    public static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        Device device = Device.fromName(System.getenv().getOrDefault("HINGEKIT_BENCH_DEVICE", "cpu"));
        try (NDManager manager = NDManager.newBaseManager(device)) {
            MiningBenchmark benchmark = new MiningBenchmark(manager);
            for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
                out.println(benchmark.answer(line.trim().split("\\s+")));
            }
        }
    }

    private String answer(String[] request) throws IOException {
        return switch (request[0]) {
            case "time" -> losses.containsKey(request[1])
                    ? timeLoss(request[1], Integer.parseInt(request[2]), Integer.parseInt(request[3]))
                    : time(miner(request[1]), Integer.parseInt(request[2]), Integer.parseInt(request[3]));
            case "memory" -> peakMemory();
            case "version" -> Engine.getInstance().getVersion();
            default -> throw new IllegalArgumentException("unknown request: " + String.join(" ", request));
        };
    }

    private Miner miner(String name) {
        Miner miner = miners.get(name);
        if (miner == null) {
            throw new IllegalArgumentException("unknown miner: " + name);
        }
        return miner;
    }

    private String time(Miner miner, int batch, int calls) {
        StringJoiner answer = new StringJoiner(" ");
        long triplets = -1;
        double[] millis = new double[calls];
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            triplets = mineOnce(miner, batch);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        answer.add(Long.toString(triplets));
        for (double ms : millis) {
            answer.add(String.format("%.4f", ms));
        }
        return answer.toString();
    }

    /** One timed unit: distances + mining, with every array it creates closed before returning. */
    private long mineOnce(Miner miner, int batch) {
        NDArray[] data = inputs.computeIfAbsent(batch, this::create);
        try (NDManager scope = manager.newSubManager()) {
            data[0].tempAttach(scope);
            data[1].tempAttach(scope);
            Triplets triplets = miner.mine(distance, data[0], data[1]);
            if (manager.getDevice().isGpu() && !triplets.isEmpty()) {
                // Reading one value waits for the device, as the PyTorch side's .item() does.
                triplets.negatives().get(triplets.size() - 1).getLong();
            }
            return triplets.size();
        }
    }

    private String timeLoss(String name, int batch, int calls) {
        NDArray[] data = name.equals("mc_hinge") ? scores.computeIfAbsent(batch, this::createScores)
                : inputs.computeIfAbsent(batch, this::create);
        StringJoiner answer = new StringJoiner(" ");
        float value = Float.NaN;
        double[] millis = new double[calls];
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            value = lossOnce(losses.get(name), data);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        answer.add(Float.toString(value));
        for (double ms : millis) {
            answer.add(String.format("%.4f", ms));
        }
        return answer.toString();
    }

    /** One timed loss call: forward, backward to the input, the loss value read back (which waits for a GPU). */
    private float lossOnce(Loss loss, NDArray[] data) {
        try (NDManager scope = manager.newSubManager()) {
            data[0].tempAttach(scope);
            data[1].tempAttach(scope);
            data[0].setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray value = loss.evaluate(new NDList(data[1]), new NDList(data[0]));
                collector.backward(value);
                return value.getFloat();
            }
        }
    }

    private NDArray[] createScores(int batch) {
        NDArray values = manager.create(gaussian(batch * CLASSES, batch), new Shape(batch, CLASSES));
        NDArray labels = manager.arange(batch).mod(CLASSES).toType(DataType.INT64, false);
        return new NDArray[] {values, labels};
    }

    private NDArray[] create(int batch) {
        NDArray embeddings = manager.create(gaussian(batch * DIM, batch), new Shape(batch, DIM));
        NDArray labels = manager.arange(batch).div(SAMPLES_PER_CLASS).floor().toType(DataType.INT64, false);
        return new NDArray[] {embeddings, labels};
    }

    /** Peak resident memory of one batch-all call: VmHWM after resetting it (Linux clear_refs 5), and VmRSS. */
    private String peakMemory() throws IOException {
        Miner miner = miner("batch_all");
        mineOnce(miner, MEMORY_BATCH);
        long before = statusKb("VmRSS");
        Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        mineOnce(miner, MEMORY_BATCH);
        long peak = statusKb("VmHWM");
        return before / 1024 + " " + peak / 1024;
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
    private static float[] gaussian(int count, long seed) {
        float[] values = new float[count];
        long state = seed;
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
}
