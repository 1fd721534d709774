package io.hingekit.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header of a NumPy {@code .npy} file, format version 1.0: the magic string {@code \x93NUMPY}, the version
 * bytes {@code 1 0}, a little-endian uint16 header length, then an ASCII Python dict literal
 * {@code {'descr': '<f4', 'fortran_order': False, 'shape': (n, d), }} padded with spaces and ended by a newline so
 * that the data starts at a multiple of 64 bytes.
 *
 * <p>Hingekit always writes a {@value #WRITTEN_LENGTH}-byte header, which leaves room for the largest shape, so a
 * streaming writer can write a placeholder first and rewrite it with the final row count in place.
 *
 * @param descr the NumPy type string, for example {@code <f4}
 * @param fortranOrder whether the data is column-major
 * @param shape the array shape
 * @param length total header length in bytes (where the data starts)
 */
public record NpyHeader(String descr, boolean fortranOrder, long[] shape, int length) {

    /** Bytes of every header Hingekit writes: preamble, dict and padding. */
    public static final int WRITTEN_LENGTH = 128;

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int PREAMBLE_BYTES = MAGIC.length + 2 + Short.BYTES;
    private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order':\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

    /**
     * Encodes a C-order version 1.0 header of {@value #WRITTEN_LENGTH} bytes.
     *
     * @param descr the NumPy type string, for example {@code <f4}, {@code <i8}
     * @param shape the array shape
     * @return the header bytes
     */
    public static byte[] encode(String descr, long... shape) {
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shapeTuple(shape) + ", }";
        int dictBytes = WRITTEN_LENGTH - PREAMBLE_BYTES;
        if (dict.length() + 1 > dictBytes) {
            throw new IllegalArgumentException("shape: header for " + Arrays.toString(shape) + " exceeds "
                    + WRITTEN_LENGTH + " bytes");
        }
        String padded = dict + " ".repeat(dictBytes - dict.length() - 1) + "\n";
        ByteBuffer buffer = ByteBuffer.allocate(WRITTEN_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        buffer.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) dictBytes);
        buffer.put(padded.getBytes(StandardCharsets.US_ASCII));
        return buffer.array();
    }

    /**
     * Reads a version 1.0 or 2.0 header from the start of a stream, leaving the stream at the data.
     *
     * @param in the stream
     * @return the header
     * @throws IllegalArgumentException if the stream does not start with an npy header
     * @throws IOException if reading fails
     */
    public static NpyHeader read(InputStream in) throws IOException {
        byte[] magic = in.readNBytes(MAGIC.length + 2);
        if (magic.length < MAGIC.length + 2 || !Arrays.equals(Arrays.copyOf(magic, MAGIC.length), MAGIC)) {
            throw new IllegalArgumentException("not an npy file: the magic string \\x93NUMPY is missing");
        }
        int major = magic[MAGIC.length];
        int lengthBytes = major == 1 ? Short.BYTES : Integer.BYTES;
        if (major != 1 && major != 2) {
            throw new IllegalArgumentException("npy format version " + major + " is not supported");
        }
        ByteBuffer length = ByteBuffer.wrap(in.readNBytes(lengthBytes)).order(ByteOrder.LITTLE_ENDIAN);
        int dictBytes = major == 1 ? Short.toUnsignedInt(length.getShort()) : length.getInt();
        String dict = new String(in.readNBytes(dictBytes), StandardCharsets.ISO_8859_1);
        return new NpyHeader(
                group(DESCR, dict),
                "True".equals(group(FORTRAN, dict)),
                parseShape(group(SHAPE, dict)),
                MAGIC.length + 2 + lengthBytes + dictBytes);
    }

    /**
     * Returns the number of elements the shape holds.
     *
     * @return the product of the shape
     */
    public long elementCount() {
        return Arrays.stream(shape).reduce(1, Math::multiplyExact);
    }

    private static String shapeTuple(long[] shape) {
        StringBuilder tuple = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            tuple.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return tuple.append(shape.length == 1 ? ",)" : ")").toString();
    }

    private static String group(Pattern pattern, String dict) {
        Matcher m = pattern.matcher(dict);
        if (!m.find()) {
            throw new IllegalArgumentException("npy header " + dict.trim() + " lacks " + pattern.pattern());
        }
        return m.group(1);
    }

    private static long[] parseShape(String tuple) {
        return Arrays.stream(tuple.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .mapToLong(Long::parseLong)
                .toArray();
    }
}
