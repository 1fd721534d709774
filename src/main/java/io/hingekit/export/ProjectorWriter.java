package io.hingekit.export;

import io.hingekit.inference.EmbeddingBatch;
import io.hingekit.inference.Thumbnails;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Writes the files of TensorBoard's embedding projector into the export directory:
 * <ul>
 *   <li>{@code tensors.tsv}: one row per item, the vector's values separated by tabs;
 *   <li>{@code metadata.tsv}: a header row {@code id<TAB>label}, then one row per item; the label column holds the
 *       class name when the source names its labels (tabs and newlines in names become spaces);
 *   <li>{@code sprite.png} (when the batches carry {@link Thumbnails}): the thumbnails on a square grid of
 *       {@code ceil(sqrt(n))} columns, item {@code i} at column {@code i % columns}, row {@code i / columns};
 *       a sprite is at most {@value #MAX_SPRITE_SIDE}x{@value #MAX_SPRITE_SIDE} pixels (28x28 thumbnails: at
 *       most 85,264 items); larger exports get no sprite and a note in the manifest;
 *   <li>{@code projector_config.pbtxt}: a text-format {@code ProjectorConfig} naming these files by paths
 *       relative to itself.
 * </ul>
 * TensorBoard reads {@code projector_config.pbtxt} from each run directory (a directory holding an event file) or,
 * when the log directory holds no runs, from the log directory itself; it also reads it from a run's plugin asset
 * directory {@code <run>/plugins/org_tensorflow_tensorboard_projector/}. Relative paths in the config resolve
 * against the config file's directory. So either export to its own directory and run
 * {@code tensorboard --logdir <out>}, or export into
 * {@code <logdir>/<run>/plugins/org_tensorflow_tensorboard_projector} of a training run. The projector plugin
 * needs TensorBoard's Python data loading ({@code --load_fast=false}): the Rust data server hands it no runs.
 * Thumbnails are spooled to a scratch file until the sprite is drawn.
 */
public final class ProjectorWriter implements EmbeddingWriter {

    /** File name of the vectors. */
    public static final String TENSORS_FILE = "tensors.tsv";

    /** File name of the per-item metadata. */
    public static final String METADATA_FILE = "metadata.tsv";

    /** File name of the sprite image. */
    public static final String SPRITE_FILE = "sprite.png";

    /** File name TensorBoard's projector plugin looks for. */
    public static final String CONFIG_FILE = "projector_config.pbtxt";

    /** Largest sprite width and height in pixels. */
    public static final int MAX_SPRITE_SIDE = 8192;

    private static final String SPOOL_FILE = "sprite.spool";

    private final WriterTarget target;
    private final BufferedWriter tensors;
    private final BufferedWriter metadata;
    private final Path spoolPath;
    private OutputStream spool;
    private Thumbnails firstThumbnails;
    private long rows;

    /**
     * Creates the tensor and metadata files.
     *
     * @param target where to write
     * @throws IOException if a file cannot be created
     */
    public ProjectorWriter(WriterTarget target) throws IOException {
        this.target = target;
        this.tensors = newText(target.directory().resolve(TENSORS_FILE));
        this.metadata = newText(target.directory().resolve(METADATA_FILE));
        this.spoolPath = target.directory().resolve(SPOOL_FILE);
        metadata.write("id\tlabel\n");
    }

    private static BufferedWriter newText(Path file) throws IOException {
        return Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
    }

    @Override
    public void write(EmbeddingBatch batch) throws IOException {
        int d = batch.dimension();
        for (int row = 0; row < batch.size(); row++) {
            for (int i = 0; i < d; i++) {
                tensors.write(i == 0 ? "" : "\t");
                tensors.write(Float.toString(batch.vectors()[row * d + i]));
            }
            tensors.write('\n');
            metadata.write(batch.ids()[row] + "\t" + cell(target.metadata().labelName(batch.labels()[row])) + "\n");
        }
        spoolThumbnails(batch);
        rows += batch.size();
    }

    private static String cell(String text) {
        return text.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }

    private void spoolThumbnails(EmbeddingBatch batch) throws IOException {
        Thumbnails images = batch.thumbnails();
        boolean first = rows == 0;
        if (first && images != null) {
            firstThumbnails = images;
            spool = new BufferedOutputStream(Files.newOutputStream(spoolPath, StandardOpenOption.CREATE_NEW));
        }
        if ((firstThumbnails == null) != (images == null)) {
            throw new IllegalArgumentException("thumbnails: the batch at item " + rows
                    + (images == null ? " has none, earlier batches had some" : " has some, earlier batches had none"));
        }
        if (images == null) {
            return;
        }
        if (images.width() != firstThumbnails.width() || images.height() != firstThumbnails.height()
                || images.channels() != firstThumbnails.channels()) {
            throw new IllegalArgumentException("thumbnails: the batch at item " + rows + " has "
                    + describe(images) + " images, earlier batches " + describe(firstThumbnails));
        }
        spool.write(images.pixels());
    }

    private static String describe(Thumbnails t) {
        return t.width() + "x" + t.height() + "x" + t.channels();
    }

    @Override
    public FormatDetails finish() throws IOException {
        tensors.flush();
        metadata.flush();
        List<String> files = new ArrayList<>(List.of(TENSORS_FILE, METADATA_FILE));
        List<String> notes = new ArrayList<>();
        SpriteInfo sprite = firstThumbnails == null ? null : drawSprite(notes);
        if (sprite != null) {
            files.add(SPRITE_FILE);
        }
        Files.writeString(target.directory().resolve(CONFIG_FILE), config(sprite), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE_NEW);
        files.add(CONFIG_FILE);
        return new FormatDetails(files, null, sprite, notes);
    }

    private SpriteInfo drawSprite(List<String> notes) throws IOException {
        spool.close();
        int w = firstThumbnails.width();
        int h = firstThumbnails.height();
        int columns = (int) Math.ceil(Math.sqrt(rows));
        long spriteRows = (rows + columns - 1) / columns;
        try {
            if ((long) columns * w > MAX_SPRITE_SIDE || spriteRows * h > MAX_SPRITE_SIDE) {
                notes.add("sprite left out: " + rows + " thumbnails of " + w + "x" + h + " px need a "
                        + columns * w + "x" + spriteRows * h + " px sprite, more than " + MAX_SPRITE_SIDE + "x"
                        + MAX_SPRITE_SIDE);
                return null;
            }
            BufferedImage image = composeSprite(columns, (int) spriteRows);
            if (!ImageIO.write(image, "png", target.directory().resolve(SPRITE_FILE).toFile())) {
                throw new IOException("no PNG writer available for the sprite");
            }
            return new SpriteInfo(SPRITE_FILE, w, h, columns);
        } finally {
            Files.delete(spoolPath);
        }
    }

    private BufferedImage composeSprite(int columns, int spriteRows) throws IOException {
        int w = firstThumbnails.width();
        int h = firstThumbnails.height();
        int type = firstThumbnails.channels() == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR;
        BufferedImage image = new BufferedImage(columns * w, spriteRows * h, type);
        WritableRaster raster = image.getRaster();
        int[] samples = new int[firstThumbnails.imageBytes()];
        try (InputStream in = Files.newInputStream(spoolPath)) {
            for (long item = 0; item < rows; item++) {
                byte[] pixels = in.readNBytes(samples.length);
                for (int i = 0; i < samples.length; i++) {
                    samples[i] = Byte.toUnsignedInt(pixels[i]);
                }
                raster.setPixels((int) (item % columns) * w, (int) (item / columns) * h, w, h, samples);
            }
        }
        return image;
    }

    private String config(SpriteInfo sprite) {
        StringBuilder text = new StringBuilder("embeddings {\n");
        text.append("  tensor_name: ").append(quote(tensorName())).append('\n');
        text.append("  tensor_path: ").append(quote(TENSORS_FILE)).append('\n');
        text.append("  tensor_shape: [").append(rows).append(", ").append(target.dimension()).append("]\n");
        text.append("  metadata_path: ").append(quote(METADATA_FILE)).append('\n');
        if (sprite != null) {
            text.append("  sprite {\n");
            text.append("    image_path: ").append(quote(sprite.imagePath())).append('\n');
            text.append("    single_image_dim: [").append(sprite.imageWidth()).append(", ")
                    .append(sprite.imageHeight()).append("]\n");
            text.append("  }\n");
        }
        return text.append("}\n").toString();
    }

    private String tensorName() {
        String source = target.metadata().source();
        return source == null || source.isBlank() ? "embeddings" : source;
    }

    private static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }

    @Override
    public void close() throws IOException {
        try (tensors; metadata) {
            if (spool != null) {
                spool.close();
            }
        }
    }
}
