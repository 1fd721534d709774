package io.hingekit.export;

import io.hingekit.files.Directories;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The directory an export is written into: a hidden temporary sibling of the final directory, moved into place
 * with one atomic rename once complete. An existing export is moved aside only after the new one is complete,
 * and deleted only after the new one is in place, so a failed or interrupted export never leaves a half-written
 * result under the final name and never loses the previous one. (A killed process can leave a
 * {@code .<name>.partial-*} sibling behind; it is safe to delete.)
 */
final class ExportDirectory {

    private final Path target;
    private final Path temporary;

    private ExportDirectory(Path target, Path temporary) {
        this.target = target;
        this.temporary = temporary;
    }

    /**
     * Checks the final directory and creates the temporary one.
     *
     * @throws IllegalArgumentException if {@code target} is a file, or a non-empty directory without overwrite
     */
    static ExportDirectory prepare(Path target, boolean overwrite) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new IllegalArgumentException("out: " + absolute + " exists and is not a directory");
        }
        Directories.requireDirectoryPath("--out", target);
        if (!overwrite && !isEmptyOrMissing(absolute)) {
            throw new IllegalArgumentException("out: " + absolute
                    + " already exists and is not empty; pass --overwrite to replace it");
        }
        Files.createDirectories(absolute.getParent());
        Path temporary = absolute.resolveSibling("." + absolute.getFileName() + ".partial-" + UUID.randomUUID());
        return new ExportDirectory(absolute, Files.createDirectory(temporary));
    }

    Path temporary() {
        return temporary;
    }

    Path target() {
        return target;
    }

    /** Moves the complete export into place, replacing (then deleting) a previous one. */
    void commit() throws IOException {
        if (isEmptyOrMissing(target)) {
            Files.deleteIfExists(target);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        Path previous = target.resolveSibling("." + target.getFileName() + ".replaced-" + UUID.randomUUID());
        Files.move(target, previous, StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            Files.move(previous, target, StandardCopyOption.ATOMIC_MOVE);
            throw e;
        }
        deleteRecursively(previous);
    }

    /** Deletes the temporary directory after a failure; never throws, so the original failure stays visible. */
    void discard(Throwable failure) {
        try {
            deleteRecursively(temporary);
        } catch (IOException | UncheckedIOException e) {
            failure.addSuppressed(e);
        }
    }

    private static boolean isEmptyOrMissing(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return true;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            return !entries.iterator().hasNext();
        }
    }

    static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
