package io.hingekit.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Checks and removals of output directories: a path named by an option is checked before anything is written. */
public final class Directories {

    private Directories() {}

    /**
     * Checks that a directory can be created or used at {@code path}: it is not a file and does not lie under one.
     *
     * @param option the option or key that named the path, for the message ({@code --out})
     * @param path the directory, existing or not
     * @throws IllegalArgumentException naming the option, the path and the file in the way
     */
    public static void requireDirectoryPath(String option, Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new IllegalArgumentException(option + ": " + path + " is a file, not a directory");
        }
        for (Path parent = absolute.getParent(); parent != null; parent = parent.getParent()) {
            if (Files.exists(parent)) {
                if (!Files.isDirectory(parent)) {
                    throw new IllegalArgumentException(option + ": " + path + " lies under " + parent
                            + ", which is a file, not a directory");
                }
                return;
            }
        }
    }

    /**
     * Deletes a directory and everything under it; a missing path is not an error.
     *
     * @param root the directory (or file) to delete
     * @throws IOException when an entry cannot be deleted
     */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
