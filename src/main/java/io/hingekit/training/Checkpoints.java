package io.hingekit.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hingekit.files.AtomicFiles;
import io.hingekit.files.Directories;
import io.hingekit.model.ModelDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The checkpoints of one model directory, each complete or absent.
 *
 * <p>Layout under {@code <model>/checkpoints/}: one directory per checkpoint, {@code epoch-NNNN/} holding
 * {@value #PARAMETERS} (DJL parameters), {@value #OPTIMIZER} (optimizer state) and {@value #STATE} (loop state),
 * a file {@value #LATEST} naming the newest complete one, and {@value #BEST}, the parameters of the epoch with the
 * best validation figure so far (copied to the model's {@code model.params} when the run completes). A checkpoint
 * is written into a temporary directory ({@code .tmp-epoch-NNNN*}), flushed, renamed into place, and only then
 * named in {@value #LATEST} (itself replaced atomically), so a kill at any moment leaves the previous checkpoint
 * loadable; a resume removes the temporary directories of killed writes. The two newest checkpoints are kept.
 */
public final class Checkpoints {

    /** File of the model parameters inside a checkpoint. */
    public static final String PARAMETERS = "parameters.params";
    /** File of the optimizer state inside a checkpoint. */
    public static final String OPTIMIZER = "optimizer.state";
    /** File of the loop state inside a checkpoint. */
    public static final String STATE = "state.json";
    /** File of the resolved config inside a checkpoint. */
    public static final String CONFIG = "config.yaml";
    /** File naming the newest complete checkpoint. */
    public static final String LATEST = "LATEST";
    /** File of the best parameters so far, beside the checkpoint directories. */
    public static final String BEST = "best.params";

    private static final String TEMPORARY_PREFIX = ".tmp-";

    private static final int KEEP = 2;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;

    /**
     * Opens the checkpoints of a model directory.
     *
     * @param modelDir the model directory
     */
    public Checkpoints(Path modelDir) {
        this.dir = new ModelDirectory(modelDir).checkpoints();
    }

    /** Writes the files of one checkpoint into a directory. */
    @FunctionalInterface
    public interface Content {
        /**
         * Writes the parameter, optimizer and config files.
         *
         * @param checkpointDir the (temporary) directory to write into
         * @throws IOException when writing fails
         */
        void writeTo(Path checkpointDir) throws IOException;
    }

    /**
     * Writes a checkpoint atomically and makes it the latest.
     *
     * @param state the loop state
     * @param content the parameter, optimizer and config files
     * @throws IOException when writing fails (the previous checkpoint stays the latest)
     */
    public void save(LoopState state, Content content) throws IOException {
        Files.createDirectories(dir);
        String name = String.format("epoch-%04d", state.epoch());
        Path tmp = Files.createTempDirectory(dir, TEMPORARY_PREFIX + name);
        try {
            content.writeTo(tmp);
            Files.write(tmp.resolve(STATE), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(state));
            try (Stream<Path> files = Files.list(tmp)) {
                for (Path file : files.toList()) {
                    AtomicFiles.sync(file);
                }
            }
            Path target = dir.resolve(name);
            Directories.deleteTree(target);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Directories.deleteTree(tmp);
        }
        AtomicFiles.writeString(dir.resolve(LATEST), name + "\n");
        prune(name);
    }

    /** Returns the file of the best parameters so far. */
    public Path best() {
        return dir.resolve(BEST);
    }

    /**
     * Removes the temporary directories of checkpoint writes that a kill interrupted.
     *
     * @throws IOException when one cannot be deleted
     */
    public void removeTemporary() throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path entry : entries.filter(p -> p.getFileName().toString().startsWith(TEMPORARY_PREFIX)).toList()) {
                Directories.deleteTree(entry);
            }
        }
    }

    /**
     * Returns the newest complete checkpoint, if any.
     *
     * @return its directory
     * @throws IOException when {@value #LATEST} names a checkpoint that is missing
     */
    public Optional<Path> latest() throws IOException {
        Path latest = dir.resolve(LATEST);
        if (!Files.isRegularFile(latest)) {
            return Optional.empty();
        }
        Path checkpoint = dir.resolve(Files.readString(latest, StandardCharsets.UTF_8).trim());
        if (!Files.isRegularFile(checkpoint.resolve(STATE))) {
            throw new IOException(latest + " names " + checkpoint + ", which is incomplete or missing");
        }
        return Optional.of(checkpoint);
    }

    /**
     * Reads the loop state of a checkpoint.
     *
     * @param checkpoint the checkpoint directory
     * @return its loop state
     * @throws IOException when the file cannot be read
     */
    public static LoopState readState(Path checkpoint) throws IOException {
        return JSON.readValue(checkpoint.resolve(STATE).toFile(), LoopState.class);
    }

    private void prune(String newest) throws IOException {
        List<Path> complete = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            entries.filter(p -> p.getFileName().toString().startsWith("epoch-")).sorted().forEach(complete::add);
        }
        for (int i = 0; i < complete.size() - KEEP; i++) {
            if (!complete.get(i).getFileName().toString().equals(newest)) {
                Directories.deleteTree(complete.get(i));
            }
        }
    }
}
