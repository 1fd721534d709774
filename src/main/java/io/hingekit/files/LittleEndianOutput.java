package io.hingekit.files;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A buffered little-endian binary output file whose beginning can be rewritten (for headers known at the end). */
public final class LittleEndianOutput implements Closeable {

    private static final int BUFFER_BYTES = 1 << 16;

    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);

    private LittleEndianOutput(FileChannel channel) {
        this.channel = channel;
    }

    public static LittleEndianOutput create(Path file) throws IOException {
        return new LittleEndianOutput(FileChannel.open(
                file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
    }

    public void writeInt(int value) throws IOException {
        ensure(Integer.BYTES);
        buffer.putInt(value);
    }

    public void writeBytes(byte[] bytes) throws IOException {
        int offset = 0;
        while (offset < bytes.length) {
            ensure(1);
            int n = Math.min(buffer.remaining(), bytes.length - offset);
            buffer.put(bytes, offset, n);
            offset += n;
        }
    }

    public void writeFloats(float[] values, int offset, int length) throws IOException {
        writeChunks(offset, length, Float.BYTES, (from, n) -> buffer.asFloatBuffer().put(values, from, n));
    }

    public void writeInts(int[] values) throws IOException {
        writeChunks(0, values.length, Integer.BYTES, (from, n) -> buffer.asIntBuffer().put(values, from, n));
    }

    public void writeLongs(long[] values) throws IOException {
        writeChunks(0, values.length, Long.BYTES, (from, n) -> buffer.asLongBuffer().put(values, from, n));
    }

    /** Copies {@code values[from, from + n)} of a primitive array into the buffer at its position. */
    private interface Chunk {
        void put(int from, int n);
    }

    /** Writes {@code length} values of {@code width} bytes in as many buffer-sized chunks as it takes. */
    private void writeChunks(int offset, int length, int width, Chunk chunk) throws IOException {
        int end = offset + length;
        while (offset < end) {
            ensure(width);
            int n = Math.min(buffer.remaining() / width, end - offset);
            chunk.put(offset, n);
            buffer.position(buffer.position() + n * width);
            offset += n;
        }
    }

    /** Replaces bytes already written at the start of the file; the length of the file does not change. */
    public void rewriteStart(byte[] bytes) throws IOException {
        flush();
        ByteBuffer source = ByteBuffer.wrap(bytes);
        long position = 0;
        while (source.hasRemaining()) {
            position += channel.write(source, position);
        }
    }

    private void ensure(int bytes) throws IOException {
        if (buffer.remaining() < bytes) {
            flush();
        }
    }

    private void flush() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        buffer.clear();
    }

    @Override
    public void close() throws IOException {
        try (channel) {
            flush();
        }
    }
}
