package io.hingekit.tensorboard;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Frames byte records in the TFRecord layout that TensorBoard's event files use.
 *
 * <p>Each record is laid out as (all integers little-endian):
 *
 * <pre>
 * uint64 length             number of data bytes
 * uint32 masked_crc(length) masked CRC32C of the 8 length bytes
 * byte   data[length]
 * uint32 masked_crc(data)   masked CRC32C of the data bytes
 * </pre>
 *
 * The masked CRC is defined by {@link MaskedCrc32c}. A file is the records back to back, with no file header:
 * a reader that stops at any record boundary has read only complete, checked records.
 */
public final class RecordWriter {

    /** Bytes before the data: the length and its checksum. */
    public static final int HEADER_BYTES = Long.BYTES + Integer.BYTES;

    /** Bytes after the data: its checksum. */
    public static final int FOOTER_BYTES = Integer.BYTES;

    private final OutputStream out;
    private final ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    private final ByteBuffer footer = ByteBuffer.allocate(FOOTER_BYTES).order(ByteOrder.LITTLE_ENDIAN);

    /**
     * Creates a writer that appends records to a stream; the caller owns (flushes and closes) the stream.
     *
     * @param out where the framed records go
     */
    public RecordWriter(OutputStream out) {
        this.out = out;
    }

    /**
     * Appends one record.
     *
     * @param data the record's bytes
     * @throws IOException if the stream fails
     */
    public void write(byte[] data) throws IOException {
        header.clear();
        header.putLong(data.length);
        header.putInt(MaskedCrc32c.of(header.array(), 0, Long.BYTES));
        footer.clear();
        footer.putInt(MaskedCrc32c.of(data, 0, data.length));
        out.write(header.array());
        out.write(data);
        out.write(footer.array());
    }

    /**
     * Returns the number of bytes a record of the given data length takes in a file.
     *
     * @param dataLength number of data bytes
     * @return header, data and footer bytes together
     */
    public static long framedLength(long dataLength) {
        return HEADER_BYTES + dataLength + FOOTER_BYTES;
    }
}
