package io.hingekit.training;

import io.hingekit.files.Directories;
import io.hingekit.files.DirectoryLock;
import io.hingekit.model.ModelDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The model directory a training run writes, locked for the run's lifetime ({@value ModelDirectory#LOCK}).
 *
 * <p>A fresh run and a resume write in place. A run with {@code --overwrite} over a directory that holds a run
 * writes into a hidden sibling, {@code .<name>.new-<pid>}, and only when it completed {@link #commit()} swaps it
 * in: the old directory is renamed to {@code .<name>.old-<pid>}, the new one to the model's name, and the old one
 * deleted; a failed or killed run leaves the old model as it was. Siblings of dead processes are deleted (or, for
 * a swap killed between its two renames, the swap is finished) by the next run on the same directory.
 *
 * <p>Not thread-safe; one instance per run.
 */
final class TrainingDirectory implements AutoCloseable {

    private static final String NEW = ".new-";
    private static final String OLD = ".old-";

    private final Path target;
    private final Path work;
    private final boolean created;
    private final DirectoryLock lock;
    private boolean committed;

    private TrainingDirectory(Path target, Path work, boolean created, DirectoryLock lock) {
        this.target = target;
        this.work = work;
        this.created = created;
        this.lock = lock;
    }

    /**
     * Checks the model directory, locks it, and decides where the run writes.
     *
     * @param target the model directory ({@code --out})
     * @param resume whether the run continues from the latest checkpoint
     * @param overwrite whether a fresh run may replace a run the directory holds
     * @return the locked directory
     * @throws IllegalArgumentException when the path is a file or lies under one, when a fresh run would replace a
     *     run without {@code overwrite}, or when a resume finds no checkpoint
     * @throws IllegalStateException when another process holds the lock, naming its PID
     * @throws IOException when the directory cannot be created or cleaned
     */
    static TrainingDirectory open(Path target, boolean resume, boolean overwrite) throws IOException {
        Directories.requireDirectoryPath("--out", target);
        finishInterruptedSwap(target);
        if (resume && !Files.isDirectory(target)) {
            throw noCheckpoint(target);
        }
        boolean created = !Files.exists(target);
        Files.createDirectories(target);
        DirectoryLock lock = DirectoryLock.acquire(new ModelDirectory(target).lock()); // refused: nothing to undo
        try {
            removeDeadSiblings(target);
            Checkpoints checkpoints = new Checkpoints(target);
            boolean holdsRun = checkpoints.latest().isPresent()
                    || Files.exists(new ModelDirectory(target).parameters());
            Path work = target;
            if (resume) {
                if (checkpoints.latest().isEmpty()) {
                    throw noCheckpoint(target);
                }
                checkpoints.removeTemporary();
            } else if (holdsRun && !overwrite) {
                throw new IllegalArgumentException(target + " already holds a trained run: pass --resume to "
                        + "continue it, --overwrite to replace it, or --out to train elsewhere");
            } else if (holdsRun) {
                work = Files.createDirectory(sibling(target, NEW, ProcessHandle.current().pid()));
            } else {
                // what a run killed before its first checkpoint left: no complete checkpoint to continue from
                Directories.deleteTree(new ModelDirectory(target).checkpoints());
            }
            return new TrainingDirectory(target, work, created, lock);
        } catch (IOException | RuntimeException e) {
            lock.close();
            if (created) {
                Directories.deleteTree(target);
            }
            throw e;
        }
    }

    private static IllegalArgumentException noCheckpoint(Path target) {
        return new IllegalArgumentException("--resume: no checkpoint in " + new ModelDirectory(target).checkpoints()
                + " (a run stopped before its first checkpoint is started again without --resume)");
    }

    /** Returns the model directory the user named. */
    Path target() {
        return target;
    }

    /** Returns where the run writes: the model directory, or the hidden sibling that will replace it. */
    Path work() {
        return work;
    }

    /** Returns whether the run writes into a hidden sibling that replaces the model directory on commit. */
    boolean replaces() {
        return !work.equals(target);
    }

    /**
     * Puts the completed run in place: swaps the sibling in (deleting the old directory), or, in place, marks the
     * run as kept.
     *
     * @throws IOException when a rename fails (the old directory is then back in place)
     */
    void commit() throws IOException {
        if (replaces()) {
            Path old = sibling(target, OLD, ProcessHandle.current().pid());
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            try {
                Files.move(work, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException | RuntimeException e) {
                Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
                throw e;
            }
            Directories.deleteTree(old);
        }
        committed = true;
    }

    /**
     * Releases the lock. A run that did not commit leaves nothing half-written: its sibling is deleted, and in
     * place, without a complete checkpoint to resume from, the checkpoint leftovers (and the directory, when this
     * run created it) are deleted.
     */
    @Override
    public void close() throws IOException {
        try {
            if (!committed && replaces()) {
                Directories.deleteTree(work);
            } else if (!committed && new Checkpoints(target).latest().isEmpty()) {
                Directories.deleteTree(created ? target : new ModelDirectory(target).checkpoints());
            }
        } finally {
            lock.close();
        }
    }

    private static Path sibling(Path target, String kind, long pid) {
        Path absolute = target.toAbsolutePath().normalize();
        return absolute.resolveSibling("." + absolute.getFileName() + kind + pid);
    }

    /** A swap killed between its two renames left no model directory but a complete new one: puts that in place. */
    private static void finishInterruptedSwap(Path target) throws IOException {
        if (Files.exists(target)) {
            return;
        }
        for (Path sibling : deadSiblings(target, NEW)) {
            long pid = pid(sibling).orElseThrow();
            if (Files.isDirectory(sibling(target, OLD, pid))) {
                Files.move(sibling, target, StandardCopyOption.ATOMIC_MOVE);
                return;
            }
        }
    }

    private static void removeDeadSiblings(Path target) throws IOException {
        for (String kind : new String[] {NEW, OLD}) {
            for (Path sibling : deadSiblings(target, kind)) {
                Directories.deleteTree(sibling);
            }
        }
    }

    /** Siblings of the given kind whose process is gone (or is this one: the lock rules out a live run of ours). */
    private static Iterable<Path> deadSiblings(Path target, String kind) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return List.of();
        }
        String prefix = "." + absolute.getFileName() + kind;
        long self = ProcessHandle.current().pid();
        try (Stream<Path> entries = Files.list(parent)) {
            return entries.filter(p -> p.getFileName().toString().startsWith(prefix))
                    .filter(p -> pid(p).filter(pid -> pid == self
                            || ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true)).isPresent())
                    .toList();
        }
    }

    private static Optional<Long> pid(Path sibling) {
        String name = sibling.getFileName().toString();
        String digits = name.substring(name.lastIndexOf('-') + 1);
        return digits.matches("\\d{1,18}") ? Optional.of(Long.parseLong(digits)) : Optional.empty();
    }
}
