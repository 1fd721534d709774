package io.hingekit.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a directory, held as an OS file lock ({@link FileChannel#tryLock()}) on a lock file inside
 * it that records the holder's PID. The
 * operating system releases the lock when the process ends, however it ends (a SIGKILL included), so a lock file
 * left behind never blocks a later process; the file itself is left in place. Not reentrant: a second acquisition
 * in the same process is refused like any other.
 */
public final class DirectoryLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private DirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock without waiting, creating the lock file if needed, and writes this process's PID into it.
     *
     * @param lockFile the lock file (its directory must exist)
     * @return the held lock; close it to release
     * @throws IllegalStateException when another process (or this one) holds it, naming the holder's PID
     * @throws IOException when the lock file cannot be opened or written
     */
    public static DirectoryLock acquire(Path lockFile) throws IOException {
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            FileLock lock = tryLock(channel);
            if (lock == null) {
                throw new IllegalStateException(lockFile.toAbsolutePath().getParent() + " is in use by process "
                        + holder(channel) + " (it holds " + lockFile + "); wait for it to end or use another "
                        + "directory");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)),
                    0);
            channel.force(false);
            return new DirectoryLock(channel, lock);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldByThisProcess) {
            return null;
        }
    }

    /** Returns the PID the holder wrote, or a note when it has not written one yet. */
    private static String holder(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(32);
        channel.read(buffer, 0);
        String pid = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).trim();
        return pid.matches("\\d+") ? "PID " + pid : "(PID not yet written)";
    }

    /** Releases the lock; the lock file stays. */
    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
