package io.hingekit.data;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks Fashion-MNIST's IDX files before DJL reads them: the magic number, the image size, the file length
 * against the count in the header, and the label values. Big-endian headers, as the format defines:
 *
 * <pre>
 * images (magic 2051): int32 magic, int32 count, int32 rows, int32 columns, then count x rows x columns bytes
 * labels (magic 2049): int32 magic, int32 count, then count bytes, each a class 0..9
 * </pre>
 *
 * <p>Every message names the file as the user gave it (the {@code .gz} file, when it was compressed).
 */
final class IdxFiles {

    /** Magic number of an IDX file of unsigned-byte images (3 dimensions). */
    static final int IMAGES_MAGIC = 2051;
    /** Magic number of an IDX file of unsigned-byte labels (1 dimension). */
    static final int LABELS_MAGIC = 2049;
    /** Fashion-MNIST's image side, in pixels. */
    static final int SIDE = 28;

    private static final int IMAGES_HEADER = 16;
    private static final int LABELS_HEADER = 8;
    private static final int CLASSES = 10;

    private IdxFiles() {}

    /**
     * Checks an images file.
     *
     * @param file the (decompressed) file to check
     * @param name the file as the user gave it, for messages
     * @return the number of images
     * @throws IllegalArgumentException naming the file and what is wrong
     * @throws IOException when the file cannot be read
     */
    static int checkImages(Path file, Path name) throws IOException {
        int[] header = header(file, name, 4);
        requireMagic(name, header[0], IMAGES_MAGIC, "images");
        if (header[2] != SIDE || header[3] != SIDE) {
            throw new IllegalArgumentException(name + " holds " + header[2] + "x" + header[3] + " images; "
                    + "Fashion-MNIST images are " + SIDE + "x" + SIDE);
        }
        requireLength(file, name, header[1], IMAGES_HEADER + (long) header[1] * SIDE * SIDE, "images");
        return header[1];
    }

    /**
     * Checks a labels file.
     *
     * @param file the (decompressed) file to check
     * @param name the file as the user gave it, for messages
     * @return the number of labels
     * @throws IllegalArgumentException naming the file and what is wrong
     * @throws IOException when the file cannot be read
     */
    static int checkLabels(Path file, Path name) throws IOException {
        int[] header = header(file, name, 2);
        requireMagic(name, header[0], LABELS_MAGIC, "labels");
        requireLength(file, name, header[1], LABELS_HEADER + (long) header[1], "labels");
        byte[] bytes = Files.readAllBytes(file);
        for (int i = LABELS_HEADER; i < bytes.length; i++) {
            int label = Byte.toUnsignedInt(bytes[i]);
            if (label >= CLASSES) {
                throw new IllegalArgumentException(name + ": label " + (i - LABELS_HEADER) + " is " + label
                        + ", not a class 0.." + (CLASSES - 1));
            }
        }
        return header[1];
    }

    private static int[] header(Path file, Path name, int ints) throws IOException {
        if (Files.size(file) < 4L * ints) {
            throw new IllegalArgumentException(name + " is cut short: " + Files.size(file) + " bytes, less than "
                    + "its " + 4 * ints + "-byte IDX header");
        }
        int[] header = new int[ints];
        try (InputStream in = Files.newInputStream(file); DataInputStream data = new DataInputStream(in)) {
            for (int i = 0; i < ints; i++) {
                header[i] = data.readInt();
            }
        }
        return header;
    }

    private static void requireMagic(Path name, int magic, int expected, String kind) {
        if (magic != expected) {
            throw new IllegalArgumentException(name + " is not an IDX " + kind + " file: magic number " + magic
                    + ", expected " + expected);
        }
    }

    private static void requireLength(Path file, Path name, int count, long expected, String kind)
            throws IOException {
        long length = Files.size(file);
        if (count < 0 || length != expected) {
            throw new IllegalArgumentException(name + (length < expected ? " is cut short" : " has extra bytes")
                    + ": its header announces " + count + " " + kind + " (" + expected + " bytes"
                    + (name.toString().endsWith(".gz") ? " decompressed" : "") + "), it holds " + length + " bytes");
        }
    }
}
