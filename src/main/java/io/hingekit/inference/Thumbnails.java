package io.hingekit.inference;

import io.hingekit.util.Checks;

/**
 * Small images of a batch's items (for example the input images), drawn into the projector's sprite.
 *
 * @param width width of one image in pixels
 * @param height height of one image in pixels
 * @param channels 1 (grey) or 3 (RGB)
 * @param pixels 8-bit pixel values, image after image, each row-major with interleaved channels
 *     ({@code [item][y][x][channel]})
 */
public record Thumbnails(int width, int height, int channels, byte[] pixels) {

    /**
     * Validates the image size, the channels and the length of the pixel array.
     *
     * @param width width of one image
     * @param height height of one image
     * @param channels 1 or 3
     * @param pixels the 8-bit pixel values
     */
    public Thumbnails {
        Checks.check(width >= 1 && height >= 1, "thumbnail size", "positive", width + "x" + height);
        Checks.check(channels == 1 || channels == 3, "channels", "1 or 3", channels);
        if (pixels.length % imageBytes(width, height, channels) != 0) {
            throw new IllegalArgumentException("pixels: length " + pixels.length + " is not a multiple of "
                    + width + "x" + height + "x" + channels);
        }
    }

    /**
     * Converts float pixels in [0, 1] (clipped) to 8-bit thumbnails.
     *
     * @param width width of one image
     * @param height height of one image
     * @param channels 1 or 3
     * @param unitPixels pixel values in [0, 1], in the layout of {@link #pixels()}
     * @return the thumbnails
     */
    public static Thumbnails fromUnitFloats(int width, int height, int channels, float[] unitPixels) {
        byte[] bytes = new byte[unitPixels.length];
        for (int i = 0; i < unitPixels.length; i++) {
            float clipped = Math.max(0f, Math.min(1f, unitPixels[i]));
            bytes[i] = (byte) Math.round(clipped * 255f);
        }
        return new Thumbnails(width, height, channels, bytes);
    }

    /**
     * Returns how many images the pixel array holds.
     *
     * @return the number of images
     */
    public int count() {
        return pixels.length / imageBytes(width, height, channels);
    }

    /**
     * Returns the number of bytes of one image.
     *
     * @return {@code width * height * channels}
     */
    public int imageBytes() {
        return imageBytes(width, height, channels);
    }

    private static int imageBytes(int width, int height, int channels) {
        return width * height * channels;
    }
}
