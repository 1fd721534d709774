package io.hingekit.files;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes files all-or-nothing: into a temporary file beside the target, flushed to disk, then renamed over it,
 * so a reader (or a run killed mid-write) sees the old content or the new, never a mix.
 */
public final class AtomicFiles {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AtomicFiles() {}

    /** Writes the content of a file through an output stream. */
    @FunctionalInterface
    public interface Writer {
        /**
         * Writes the content.
         *
         * @param out the stream of the temporary file
         * @throws IOException when writing fails
         */
        void write(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code target} atomically.
     *
     * @param target the file to create or replace
     * @param writer what to write
     * @throws IOException when writing or renaming fails (the target is then unchanged)
     */
    public static void write(Path target, Writer writer) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                writer.write(out);
            }
            sync(tmp);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Writes a UTF-8 text file atomically.
     *
     * @param target the file to create or replace
     * @param text the content
     * @throws IOException when writing fails
     */
    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Writes a value as indented JSON, atomically.
     *
     * @param target the file to create or replace
     * @param value a record, map or other value Jackson can write
     * @throws IOException when writing fails
     */
    public static void writeJson(Path target, Object value) throws IOException {
        write(target, out -> JSON.writeValue(out, value));
    }

    /**
     * Forces a file's content to disk.
     *
     * @param file the file
     * @throws IOException when the sync fails
     */
    public static void sync(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }
}
