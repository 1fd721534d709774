package io.hingekit.tensorboard;

import java.io.IOException;
import java.nio.file.Path;

/** Thrown when a TFRecord in a file fails its checksum: names the file and the byte offset of the record. */
public final class CorruptRecordException extends IOException {

    private final transient Path file;
    private final long offset;
    private final String problem;

    /**
     * Creates the exception.
     *
     * @param file the file read
     * @param offset byte offset of the first byte of the bad record
     * @param problem what is wrong with it
     */
    public CorruptRecordException(Path file, long offset, String problem) {
        super(file + ": corrupt record at byte offset " + offset + ": " + problem);
        this.file = file;
        this.offset = offset;
        this.problem = problem;
    }

    /**
     * Returns the file that holds the bad record.
     *
     * @return the file
     */
    public Path file() {
        return file;
    }

    /**
     * Returns the byte offset at which the bad record starts.
     *
     * @return the offset
     */
    public long offset() {
        return offset;
    }

    /**
     * Returns what is wrong with the record.
     *
     * @return the problem, e.g. "data checksum mismatch"
     */
    public String problem() {
        return problem;
    }
}
