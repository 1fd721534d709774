package io.hingekit.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * A model directory named by a Hadoop path (a local path, {@code file:}, {@code hdfs:}, {@code s3a:}...) as a local
 * directory: local paths are used in place, others are copied once per JVM into a temporary directory.
 */
final class ModelFiles {

    private static final Map<String, Path> COPIES = new ConcurrentHashMap<>();

    private ModelFiles() {}

    /**
     * Returns a local directory holding the model's files.
     *
     * @param model the model directory as a Hadoop path or URI
     * @return the local directory
     * @throws IllegalArgumentException when the directory cannot be read
     */
    static Path local(String model) {
        URI uri = URI.create(model.replace(" ", "%20"));
        if (uri.getScheme() == null || uri.getScheme().equals("file")) {
            return uri.getScheme() == null ? Path.of(model) : Path.of(uri);
        }
        return COPIES.computeIfAbsent(model, ModelFiles::copy);
    }

    private static Path copy(String model) {
        try {
            Path target = Files.createTempDirectory("hingekit-model-");
            org.apache.hadoop.fs.Path source = new org.apache.hadoop.fs.Path(model);
            FileSystem fs = source.getFileSystem(new Configuration());
            for (var status : fs.listStatus(source)) {
                if (status.isFile()) {
                    fs.copyToLocalFile(false, status.getPath(),
                            new org.apache.hadoop.fs.Path(target.resolve(status.getPath().getName()).toUri()), true);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model directory " + model + ": " + e.getMessage(), e);
        }
    }
}
