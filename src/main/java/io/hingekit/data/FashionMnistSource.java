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
import io.hingekit.files.Directories;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Loads real Fashion-MNIST through basicdataset's {@link FashionMnist}, from local IDX files where they exist.
 *
 * <p>Lookup order: the directory given in the config (or {@code --data-dir}), then {@link #DEBIAN_DIR} (Debian's
 * {@code dataset-fashion-mnist} package), then DJL's own download for hosts with a network. Local files are
 * served to {@code FashionMnist} through a small local DJL repository laid out as its metadata expects; the
 * repository is built once per content of the files under the cache directory (temporary directory named with the
 * PID, then rename), after their IDX headers are checked ({@link IdxFiles}); the next build removes the temporary
 * directories of builds that failed or were killed.
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
    private static final String REPOSITORY_PREFIX = "fashion-mnist-repo";
    private static final String BUILD_PREFIX = REPOSITORY_PREFIX + ".tmp-";
    private static final int KEY_BYTES = 8;

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

    /**
     * Builds (once per content) a local DJL repository serving the uncompressed IDX files of {@code dir}, checked
     * by {@link IdxFiles}. The repository's name holds a key of the files' paths, sizes and modification times, so
     * a repaired or replaced file gets a new repository instead of a stale one.
     */
    private Path localRepository(Path dir) throws IOException {
        Files.createDirectories(cacheDir);
        removeAbandonedBuilds();
        Path root = cacheDir.resolve(REPOSITORY_PREFIX + "-" + contentKey(dir));
        if (Files.isRegularFile(root.resolve(ARTIFACT_DIR).resolve("metadata.json"))) {
            return root;
        }
        Path tmp = Files.createTempDirectory(cacheDir, BUILD_PREFIX + ProcessHandle.current().pid() + "-");
        try {
            Path artifactDir = tmp.resolve(ARTIFACT_DIR);
            Path versionDir = artifactDir.resolve("1.0").resolve("fashmnist");
            Files.createDirectories(versionDir);
            int[] counts = new int[FILES.length];
            for (int i = 0; i < FILES.length; i++) {
                Path source = findFile(dir, FILES[i][1]);
                Path target = versionDir.resolve(FILES[i][1]);
                decompress(source, target);
                counts[i] = i % 2 == 0 ? IdxFiles.checkImages(target, source) : IdxFiles.checkLabels(target, source);
                Files.copy(target, artifactDir.resolve(FILES[i][1]));
            }
            for (int i = 0; i < FILES.length; i += 2) {
                if (counts[i] != counts[i + 1]) {
                    throw new IllegalArgumentException(findFile(dir, FILES[i][1]) + " holds " + counts[i]
                            + " images but " + findFile(dir, FILES[i + 1][1]) + " holds " + counts[i + 1] + " labels");
                }
            }
            Files.writeString(artifactDir.resolve("metadata.json"), metadataJson(), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, root, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                if (!Files.isDirectory(root)) {
                    throw raced;
                }
            }
        } finally {
            Directories.deleteTree(tmp);
        }
        return root;
    }

    /** A key of the four files' paths, sizes and modification times. */
    private static String contentKey(Path dir) throws IOException {
        StringBuilder identity = new StringBuilder();
        for (String[] file : FILES) {
            Path path = findFile(dir, file[1]).toRealPath();
            identity.append(path).append('|').append(Files.size(path)).append('|')
                    .append(Files.getLastModifiedTime(path).toMillis()).append('\n');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    identity.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, KEY_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /**
     * Deletes the temporary directories of repository builds that failed or were killed: this version's, named
     * with the PID of a process that is gone, and the earlier versions' {@code fashion-mnist-repo<digits>}.
     */
    private void removeAbandonedBuilds() throws IOException {
        try (Stream<Path> entries = Files.list(cacheDir)) {
            for (Path entry : entries.filter(FashionMnistSource::isAbandonedBuild).toList()) {
                Directories.deleteTree(entry);
            }
        }
    }

    private static boolean isAbandonedBuild(Path entry) {
        String name = entry.getFileName().toString();
        if (name.startsWith(BUILD_PREFIX)) {
            String pid = name.substring(BUILD_PREFIX.length()).replaceFirst("-.*", "");
            return pid.matches("\\d{1,18}")
                    && ProcessHandle.of(Long.parseLong(pid)).map(h -> !h.isAlive()).orElse(true);
        }
        return name.matches(REPOSITORY_PREFIX + "\\d+");
    }

    /** Copies a file, decompressing a {@code .gz}; a damaged archive is named as bad input. */
    private static void decompress(Path source, Path target) throws IOException {
        try (InputStream in = open(source)) {
            Files.copy(in, target);
        } catch (EOFException | ZipException e) {
            throw new IllegalArgumentException(source + " is cut short or not a valid gzip file ("
                    + e.getMessage() + ")", e);
        }
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
