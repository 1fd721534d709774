package io.hingekit.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.dataset.Dataset;
import io.hingekit.config.DataConfig;
import io.hingekit.config.NormalizeType;
import io.hingekit.util.Checks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Loads the dataset a {@link DataConfig} names and splits it into train, validation and test (seeded). */
public final class DatasetLoader {

    private static final int BLOB_TEST_DIVISOR = 4;

    private final Path cacheDir;

    /** Returns Hingekit's cache directory: {@code $HINGEKIT_CACHE}, else {@code ~/.cache/hingekit}. */
    public static Path defaultCacheDir() {
        String env = System.getenv("HINGEKIT_CACHE");
        return env != null ? Path.of(env) : Path.of(System.getProperty("user.home"), ".cache", "hingekit");
    }

    /**
     * Creates a loader.
     *
     * @param cacheDir directory for derived files (the local Fashion-MNIST repository)
     */
    public DatasetLoader(Path cacheDir) {
        this.cacheDir = cacheDir;
    }

    /**
     * Loads and splits the configured dataset.
     *
     * @param config the data section of the run's config
     * @param dataDir a directory given on the command line, overriding {@code config.dir()} (may be null)
     * @param seed seed of the validation split
     * @param manager the manager that will own all arrays
     * @return the three splits, scaled by a scaler fitted on the training split when {@code data.normalize} asks
     * @throws IOException when files cannot be read
     */
    public DataSplits load(DataConfig config, Path dataDir, long seed, NDManager manager) throws IOException {
        return load(config, dataDir, seed, manager, null);
    }

    /**
     * Loads and splits the configured dataset, scaled by a saved scaler (a trained model's) instead of a new fit.
     *
     * @param config the data section of the run's config
     * @param dataDir a directory given on the command line, overriding {@code config.dir()} (may be null)
     * @param seed seed of the validation split
     * @param manager the manager that will own all arrays
     * @param saved the model's scaler, or null to fit one as {@code data.normalize} asks
     * @return the three splits
     * @throws IOException when files cannot be read
     */
    public DataSplits load(DataConfig config, Path dataDir, long seed, NDManager manager, FeatureScaler saved)
            throws IOException {
        List<LabeledData> trainAndTest = switch (config.source()) {
            case FASHION_MNIST -> fashionMnist(config, dataDir, manager);
            case CSV -> csv(config, manager);
            case BLOBS -> blobs(config, seed, manager);
        };
        LabeledData train = limit(trainAndTest.get(0), config.limit(), manager);
        LabeledData test = limit(trainAndTest.get(1), config.limit(), manager);
        DataSplits splits = split(train, test, config.validationFraction(), seed, manager);
        FeatureScaler scaler = saved != null ? saved : config.normalize() == NormalizeType.NONE ? null
                : FeatureScaler.fit(config.normalize(), splits.train().features());
        if (scaler == null) {
            return splits;
        }
        return new DataSplits(scaled(splits.train(), scaler), scaled(splits.validation(), scaler),
                scaled(splits.test(), scaler), scaler);
    }

    private static LabeledData scaled(LabeledData data, FeatureScaler scaler) {
        return new LabeledData(scaler.apply(data.features()), data.labels(), data.classNames());
    }

    private List<LabeledData> fashionMnist(DataConfig config, Path dataDir, NDManager manager) throws IOException {
        Path dir = dataDir != null ? dataDir : config.dir() == null ? null : Path.of(config.dir());
        FashionMnistSource source = new FashionMnistSource(dir, cacheDir);
        return List.of(source.load(Dataset.Usage.TRAIN, manager), source.load(Dataset.Usage.TEST, manager));
    }

    private static List<LabeledData> csv(DataConfig config, NDManager manager) throws IOException {
        DataConfig.CsvConfig csv = config.csv();
        if (csv.train() == null) {
            throw new IllegalArgumentException("data.source is csv but data.csv.train is not set");
        }
        CsvSource source = new CsvSource(csv.labelColumn());
        if (csv.test() != null) {
            return source.load(List.of(Path.of(csv.train()), Path.of(csv.test())), manager);
        }
        LabeledData all = source.load(List.of(Path.of(csv.train())), manager).get(0);
        LabeledData[] parts = partition(all, config.validationFraction(), 0, manager);
        return List.of(parts[0], parts[1]);
    }

    private static List<LabeledData> blobs(DataConfig config, long seed, NDManager manager) {
        DataConfig.BlobsConfig blobs = config.blobs();
        int samples = blobs.samples();
        BlobsSource source = new BlobsSource(blobs.features(), blobs.classes(), blobs.spread(), seed);
        return List.of(source.generate(samples, 0, manager),
                source.generate(Math.max(1, samples / BLOB_TEST_DIVISOR), 1, manager));
    }

    private static LabeledData limit(LabeledData data, int limit, NDManager manager) {
        if (limit <= 0 || limit >= data.size()) {
            return data;
        }
        return data.select(manager.arange(0, limit, 1, DataType.INT64), manager);
    }

    private static DataSplits split(
            LabeledData train, LabeledData test, double validationFraction, long seed, NDManager manager) {
        Checks.check(validationFraction > 0 && validationFraction < 1, "data.validationFraction", "in (0, 1)",
                validationFraction);
        LabeledData[] parts = partition(train, validationFraction, seed, manager);
        return new DataSplits(parts[0], parts[1], test, null);
    }

    /** Splits rows into (kept, held out) by a seeded permutation; the held-out part has {@code fraction} rows. */
    private static LabeledData[] partition(LabeledData data, double fraction, long seed, NDManager manager) {
        int n = data.size();
        int heldOut = (int) Math.round(n * fraction);
        if (heldOut < 1 || heldOut >= n) {
            throw new IllegalArgumentException("cannot hold out " + fraction + " of " + n + " samples");
        }
        List<Long> order = new ArrayList<>(n);
        for (long i = 0; i < n; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        long[] kept = order.subList(heldOut, n).stream().mapToLong(Long::longValue).sorted().toArray();
        long[] held = order.subList(0, heldOut).stream().mapToLong(Long::longValue).sorted().toArray();
        NDArray keptIndex = manager.create(kept);
        NDArray heldIndex = manager.create(held);
        return new LabeledData[] {data.select(keptIndex, manager), data.select(heldIndex, manager)};
    }
}
