package io.hingekit.tensorboard;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads the records of a TFRecord file (layout in {@link RecordWriter}), checking both checksums of each.
 *
 * <p>A record whose checksum fails raises a {@link CorruptRecordException} naming the file and byte offset. An
 * incomplete last record (a writer killed mid-record, or one still writing) ends the reading without an error and
 * is reported by {@link #truncated()}.
 */
public final class RecordReader implements Closeable {

    /** Largest record accepted; a larger length field means a damaged header. */
    public static final long MAX_RECORD_BYTES = Integer.MAX_VALUE - 64;

    private static final int BUFFER_BYTES = 1 << 16;

    private final Path file;
    private final InputStream in;
    private final ByteBuffer header = ByteBuffer.allocate(RecordWriter.HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    private final ByteBuffer footer = ByteBuffer.allocate(RecordWriter.FOOTER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    private long offset;
    private boolean stopped;
    private TruncatedRecord truncated;

    private RecordReader(Path file, InputStream in) {
        this.file = file;
        this.in = in;
    }

    /**
     * Opens a file for reading from its first record.
     *
     * @param file the TFRecord file
     * @return the reader
     * @throws IOException if the file cannot be opened
     */
    public static RecordReader open(Path file) throws IOException {
        return new RecordReader(file, new BufferedInputStream(Files.newInputStream(file), BUFFER_BYTES));
    }

    /**
     * Reads the next record.
     *
     * @return the record's data, or null at the end of the file, after an incomplete last record, or after a
     *     corrupt record was reported
     * @throws CorruptRecordException if the next record fails a checksum (reading stops there)
     * @throws IOException if the file cannot be read
     */
    public byte[] next() throws IOException {
        if (stopped) {
            return null;
        }
        long start = offset;
        int headerRead = readFully(header.array(), header.capacity());
        if (headerRead == 0) {
            stopped = true;
            return null;
        }
        if (headerRead < header.capacity()) {
            return truncate(start, headerRead);
        }
        long length = header.getLong(0);
        if (MaskedCrc32c.of(header.array(), 0, Long.BYTES) != header.getInt(Long.BYTES)) {
            throw corrupt(start, "length checksum mismatch");
        }
        if (length < 0 || length > MAX_RECORD_BYTES) {
            throw corrupt(start, "implausible record length " + Long.toUnsignedString(length));
        }
        byte[] data = new byte[(int) length];
        int dataRead = readFully(data, data.length);
        int footerRead = dataRead < data.length ? 0 : readFully(footer.array(), footer.capacity());
        if (footerRead < footer.capacity()) {
            return truncate(start, headerRead + dataRead + footerRead);
        }
        if (MaskedCrc32c.of(data, 0, data.length) != footer.getInt(0)) {
            throw corrupt(start, "data checksum mismatch");
        }
        return data;
    }

    /**
     * Returns the byte offset of the next record to read (after the end, the file's length read so far).
     *
     * @return the offset
     */
    public long offset() {
        return offset;
    }

    /**
     * Returns the incomplete last record, once reading has reached it.
     *
     * @return the truncated record, or empty when none was met
     */
    public Optional<TruncatedRecord> truncated() {
        return Optional.ofNullable(truncated);
    }

    /**
     * Returns the file this reader reads.
     *
     * @return the file
     */
    public Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private int readFully(byte[] target, int length) throws IOException {
        int n = in.readNBytes(target, 0, length);
        offset += n;
        return n;
    }

    private byte[] truncate(long start, long bytesPresent) {
        truncated = new TruncatedRecord(file, start, bytesPresent);
        stopped = true;
        return null;
    }

    private CorruptRecordException corrupt(long start, String problem) {
        stopped = true;
        return new CorruptRecordException(file, start, problem);
    }
}
