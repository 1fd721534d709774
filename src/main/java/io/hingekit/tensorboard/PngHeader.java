package io.hingekit.tensorboard;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The size and colour type of a PNG image, read from its IHDR chunk (the first 26 bytes after the signature).
 *
 * @param width image width in pixels
 * @param height image height in pixels
 * @param colorType PNG colour type: 0 grey, 2 RGB, 3 palette, 4 grey + alpha, 6 RGBA
 */
public record PngHeader(int width, int height, int colorType) {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int IHDR_TYPE_OFFSET = 12;
    private static final int WIDTH_OFFSET = 16;
    private static final int HEIGHT_OFFSET = 20;
    private static final int COLOR_TYPE_OFFSET = 25;
    private static final int MIN_LENGTH = 26;

    /**
     * Reads the header of PNG bytes.
     *
     * @param png the encoded image
     * @return its header
     * @throws IllegalArgumentException if the bytes are not a PNG image
     */
    public static PngHeader read(byte[] png) {
        if (png == null || png.length < MIN_LENGTH || !Arrays.equals(png, 0, SIGNATURE.length, SIGNATURE, 0,
                SIGNATURE.length)) {
            throw new IllegalArgumentException("image must be PNG bytes (PNG signature missing)");
        }
        ByteBuffer bytes = ByteBuffer.wrap(png);
        if (bytes.getInt(IHDR_TYPE_OFFSET) != 0x49484452) {
            throw new IllegalArgumentException("image must be PNG bytes (IHDR chunk missing)");
        }
        return new PngHeader(bytes.getInt(WIDTH_OFFSET), bytes.getInt(HEIGHT_OFFSET), png[COLOR_TYPE_OFFSET]);
    }

    /**
     * Returns the colour space code of TensorFlow's image summary: 1 grey, 2 grey + alpha, 3 RGB, 4 RGBA.
     *
     * @return the colour space
     */
    public int colorspace() {
        return switch (colorType) {
            case 0 -> 1;
            case 4 -> 2;
            case 6 -> 4;
            default -> 3;
        };
    }
}
