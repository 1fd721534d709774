package io.hingekit.tensorboard;

import java.util.zip.CRC32C;

/**
 * The checksum of TFRecord framing: CRC32C (Castagnoli) of the bytes, then masked (rotated right by 15 bits and
 * offset by {@value #MASK_DELTA}) so that the CRC of data that itself embeds CRCs stays well distributed.
 */
public final class MaskedCrc32c {

    /** The constant added after the rotation, as TensorFlow's {@code crc32c::Mask}. */
    public static final int MASK_DELTA = 0xa282ead8;

    private static final int ROTATION = 15;

    private MaskedCrc32c() {}

    /**
     * Returns the masked CRC32C of a byte range.
     *
     * @param bytes the data
     * @param offset first byte of the range
     * @param length number of bytes in the range
     * @return the masked checksum, as an unsigned 32-bit value held in an int
     */
    public static int of(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return mask((int) crc.getValue());
    }

    /**
     * Masks a raw CRC32C value.
     *
     * @param crc the raw checksum
     * @return {@code rotateRight(crc, 15) + 0xa282ead8}, modulo 2^32
     */
    public static int mask(int crc) {
        return Integer.rotateRight(crc, ROTATION) + MASK_DELTA;
    }
}
