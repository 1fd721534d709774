package io.hingekit.data;

import ai.djl.basicdataset.cv.classification.FashionMnist;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.repository.Repository;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.BatchSampler;
import ai.djl.training.dataset.Dataset;
import ai.djl.training.dataset.SequenceSampler;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Loads real Fashion-MNIST through basicdataset's {@link FashionMnist}, from local IDX files where they exist.
 *
 * <p>Lookup order: the directory given in the config (or {@code --data-dir}), then {@link #DEBIAN_DIR} (Debian's
 * {@code dataset-fashion-mnist} package), then DJL's own download for hosts with a network. Local files are
 * served to {@code FashionMnist} through a small local DJL repository laid out as its metadata expects; the
 * repository is built once under the cache directory (temporary directory, then rename).
 */
public final class FashionMnistSource {

    /** Where Debian's {@code dataset-fashion-mnist} package installs the IDX files. */
    public static final Path DEBIAN_DIR = Path.of("/usr/share/datasets/fashion-mnist");

    /** Fashion-MNIST's class names, index = label. */
    public static final List<String> CLASS_NAMES = List.of(
            "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private static final String[][] FILES = {
        {"train_data", "train-images-idx3-ubyte"},
        {"train_labels", "train-labels-idx1-ubyte"},
        {"test_data", "t10k-images-idx3-ubyte"},
        {"test_labels", "t10k-labels-idx1-ubyte"}
    };
    private static final String ARTIFACT_DIR = "dataset/cv/ai/djl/basicdataset/fashmnist";

    private final Path localDir;
    private final Path cacheDir;

    /**
     * Creates a source reading from {@code localDir}, or from the Debian path or DJL's download when it is null.
     *
     * @param localDir directory with the four IDX files (gzipped or not), or null
     * @param cacheDir directory under which the local repository is built
     */
    public FashionMnistSource(Path localDir, Path cacheDir) {
        this.localDir = localDir;
        this.cacheDir = cacheDir;
    }

    /**
     * Loads one usage (train or test) as float32 images (N, 1, 28, 28) scaled to [0, 1] and float32 labels.
     *
     * @param usage {@link Dataset.Usage#TRAIN} or {@link Dataset.Usage#TEST}
     * @param manager the manager that will own the arrays
     * @return the split
     * @throws IOException when the files cannot be read
     */
    public LabeledData load(Dataset.Usage usage, NDManager manager) throws IOException {
        FashionMnist.Builder builder = FashionMnist.builder().optUsage(usage).optManager(manager);
        Path dir = resolveDirectory();
        if (dir != null) {
            builder.optRepository(Repository.newInstance("fashion-mnist-local", localRepository(dir)));
        }
        FashionMnist dataset = builder.setSampling(new BatchSampler(new SequenceSampler(), Integer.MAX_VALUE, false))
                .build();
        try {
            dataset.prepare();
            try (Batch all = dataset.getData(manager).iterator().next()) {
                // basicdataset's default pipeline (ToTensor) already gives (N, 1, 28, 28) scaled to [0, 1].
                NDArray images = all.getData().head().duplicate();
                NDArray labels = all.getLabels().head().duplicate();
                images.attach(manager);
                labels.attach(manager);
                return new LabeledData(images, labels, CLASS_NAMES);
            }
        } catch (TranslateException e) {
            throw new IOException("cannot read Fashion-MNIST: " + e.getMessage(), e);
        } catch (IOException | UncheckedIOException e) {
            throw new MissingDatasetException(e);
        }
    }

    private Path resolveDirectory() {
        if (localDir != null) {
            if (!hasAllFiles(localDir)) {
                throw new MissingDatasetException(localDir);
            }
            return localDir;
        }
        if (hasAllFiles(DEBIAN_DIR)) {
            return DEBIAN_DIR;
        }
        return null;
    }

    /**
     * Returns whether a directory holds the four IDX files (gzipped or not).
     *
     * @param dir the directory
     * @return true when all four are there
     */
    public static boolean hasAllFiles(Path dir) {
        for (String[] file : FILES) {
            if (findFile(dir, file[1]) == null) {
                return false;
            }
        }
        return true;
    }

    private static Path findFile(Path dir, String name) {
        for (Path candidate : List.of(dir.resolve(name), dir.resolve(name + ".gz"))) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** Builds (once) a local DJL repository serving the uncompressed IDX files of {@code dir}. */
    private Path localRepository(Path dir) throws IOException {
        Path root = cacheDir.resolve("fashion-mnist-repo-" + Integer.toHexString(dir.toAbsolutePath().hashCode()));
        if (Files.isRegularFile(root.resolve(ARTIFACT_DIR).resolve("metadata.json"))) {
            return root;
        }
        Files.createDirectories(cacheDir);
        Path tmp = Files.createTempDirectory(cacheDir, "fashion-mnist-repo");
        Path artifactDir = tmp.resolve(ARTIFACT_DIR);
        Path versionDir = artifactDir.resolve("1.0").resolve("fashmnist");
        Files.createDirectories(versionDir);
        for (String[] file : FILES) {
            Path target = versionDir.resolve(file[1]);
            try (InputStream in = open(findFile(dir, file[1]))) {
                Files.copy(in, target);
            }
            Files.copy(target, artifactDir.resolve(file[1]));
        }
        Files.writeString(artifactDir.resolve("metadata.json"), metadataJson(), StandardCharsets.UTF_8);
        try {
            Files.move(tmp, root, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException raced) {
            if (!Files.isDirectory(root)) {
                throw raced;
            }
        }
        return root;
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        return file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in) : in;
    }

    private static String metadataJson() {
        StringBuilder files = new StringBuilder();
        for (String[] file : FILES) {
            if (files.length() > 0) {
                files.append(',');
            }
            files.append('"').append(file[0]).append("\":{\"uri\":\"").append(file[1]).append("\"}");
        }
        return "{\"metadataVersion\":\"0.2\",\"resourceType\":\"dataset\",\"application\":\"cv\","
                + "\"groupId\":\"ai.djl.basicdataset\",\"artifactId\":\"fashmnist\",\"name\":\"fashmnist\","
                + "\"artifacts\":[{\"version\":\"1.0\",\"snapshot\":false,\"name\":\"fashmnist\","
                + "\"files\":{" + files + "}}]}";
    }

    /**
     * Thrown when Fashion-MNIST is nowhere to be found (bad input: exit code 2); its message names the three ways
     * to provide it.
     */
    public static final class MissingDatasetException extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;
        private static final String HOW_TO = "Provide it in one of three ways: (1) pass --data-dir (or data.dir "
                + "in the config) pointing at a directory with the four IDX files (.gz or not); (2) install "
                + "Debian's package: apt-get install dataset-fashion-mnist (files under " + DEBIAN_DIR + "); "
                + "(3) allow DJL to download it (unset DJL_OFFLINE on a host with a network).";

        MissingDatasetException(Path dir) {
            super("Fashion-MNIST files not found in " + dir + ". " + HOW_TO);
        }

        MissingDatasetException(Exception cause) {
            super("Fashion-MNIST could not be loaded (" + cause.getMessage() + "). " + HOW_TO, cause);
        }
    }
}
