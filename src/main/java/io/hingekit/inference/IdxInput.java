package io.hingekit.inference;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * IDX input rows, the Fashion-MNIST format: an {@code idx3-ubyte} image file (magic 2051, count, rows, columns;
 * gzipped or not), pixels divided by 255 like training's images, and an optional {@code idx1-ubyte} label file
 * (magic 2049) with the same count.
 */
final class IdxInput implements InputRows {

    private static final int IMAGES_MAGIC = 2051;
    private static final int LABELS_MAGIC = 2049;

    private final Path file;
    private final DataInputStream in;
    private final int count;
    private final int featureCount;
    private final DataInputStream labels;
    private final int classes;
    private final Path labelFile;
    private long row;

    IdxInput(Path file, Path labelFile, int classes, int featureCount) throws IOException {
        this.file = file;
        this.labelFile = labelFile;
        this.classes = classes;
        this.featureCount = featureCount;
        this.in = open(file);
        DataInputStream labelStream = null;
        try {
            int magic = in.readInt();
            if (magic != IMAGES_MAGIC) {
                throw new IllegalArgumentException(file + ": not an IDX image file (magic " + magic + ", expected "
                        + IMAGES_MAGIC + ")");
            }
            this.count = in.readInt();
            int pixels = Math.multiplyExact(in.readInt(), in.readInt());
            if (pixels != featureCount) {
                throw new IllegalArgumentException(file + ": images of " + pixels + " pixels, the model takes "
                        + featureCount);
            }
            if (labelFile != null) {
                labelStream = open(labelFile);
                int labelMagic = labelStream.readInt();
                int labelCount = labelStream.readInt();
                if (labelMagic != LABELS_MAGIC || labelCount != count) {
                    throw new IllegalArgumentException(labelFile + ": not an IDX label file for " + count
                            + " images (magic " + labelMagic + ", count " + labelCount + ")");
                }
            }
            this.labels = labelStream;
        } catch (EOFException e) {
            close(labelStream);
            in.close();
            throw new IllegalArgumentException(file + " is cut short in its header", e);
        } catch (IOException | RuntimeException e) {
            close(labelStream);
            in.close();
            throw e;
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        return new DataInputStream(file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw);
    }

    private static void close(DataInputStream stream) throws IOException {
        if (stream != null) {
            stream.close();
        }
    }

    @Override
    public Batch next(int max) throws IOException {
        int n = (int) Math.min(max, count - row);
        if (n <= 0) {
            return null;
        }
        byte[] pixels = new byte[n * featureCount];
        byte[] labelBytes = labels == null ? null : new byte[n];
        try {
            in.readFully(pixels);
        } catch (EOFException e) {
            throw new IllegalArgumentException(file + " is cut short: fewer than the " + count
                    + " images its header promises", e);
        }
        if (labels != null) {
            try {
                labels.readFully(labelBytes);
            } catch (EOFException e) {
                throw new IllegalArgumentException(labelFile + " is cut short: fewer than " + count + " labels", e);
            }
        }
        float[] features = new float[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            features[i] = pixels[i] & 0xff;
        }
        int[] batchLabels = null;
        if (labelBytes != null) {
            batchLabels = new int[n];
            for (int i = 0; i < n; i++) {
                batchLabels[i] = labelBytes[i] & 0xff;
                if (batchLabels[i] >= classes) {
                    throw new IllegalArgumentException(labelFile + " row " + (row + i) + ": label " + batchLabels[i]
                            + " is not one of the model's " + classes + " classes");
                }
            }
        }
        long first = row;
        row += n;
        return new Batch(features, n, batchLabels, first, 255f);
    }

    @Override
    public boolean hasLabels() {
        return labels != null;
    }

    @Override
    public void close() throws IOException {
        in.close();
        close(labels);
    }
}
