package io.hingekit.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import com.google.protobuf.TextFormat;
import io.hingekit.config.VectorDistance;
import io.hingekit.inference.EmbeddingMetadata;
import io.hingekit.inference.InMemoryEmbeddingSource;
import io.hingekit.inference.Thumbnails;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectorWriterTest {

    private static final int W = 2;
    private static final int H = 3;

    @TempDir
    Path tmp;

    /** Grey value of pixel (x, y) of item i's thumbnail. */
    private static int pixel(int item, int x, int y) {
        return item * 40 + y * 2 + x;
    }

    private static InMemoryEmbeddingSource fiveItems(Thumbnails thumbnails) {
        float[] vectors = new float[5 * 2];
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = i * 0.5f - 1f;
        }
        EmbeddingMetadata metadata = new EmbeddingMetadata("models/m", "sha256:00", Map.of(), "fashion-mnist/test",
                VectorDistance.COSINE, true, List.of("T-shirt", "Trou\tser", "Bag"));
        return InMemoryEmbeddingSource.builder()
                .vectors(vectors, 2)
                .labels(new int[] {0, 1, 2, 1, 9})
                .ids(new long[] {100, 101, 102, 103, 104})
                .thumbnails(thumbnails)
                .metadata(metadata)
                .batchSize(2)
                .build();
    }

    private static Thumbnails greyThumbnails() {
        byte[] pixels = new byte[5 * W * H];
        for (int i = 0; i < 5; i++) {
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    pixels[i * W * H + y * W + x] = (byte) pixel(i, x, y);
                }
            }
        }
        return new Thumbnails(W, H, 1, pixels);
    }

    @Test
    void writesTensorsMetadataSpriteAndConfig() throws Exception {
        Path out = tmp.resolve("projector");
        ExportResult result = FormatFixtures.export(fiveItems(greyThumbnails()), ExportFormat.PROJECTOR, out);

        List<String> tensors = Files.readAllLines(out.resolve("tensors.tsv"), StandardCharsets.UTF_8);
        assertEquals(List.of("-1.0\t-0.5", "0.0\t0.5", "1.0\t1.5", "2.0\t2.5", "3.0\t3.5"), tensors);

        List<String> metadata = Files.readAllLines(out.resolve("metadata.tsv"), StandardCharsets.UTF_8);
        assertEquals(List.of("id\tlabel", "100\tT-shirt", "101\tTrou ser", "102\tBag", "103\tTrou ser", "104\t9"),
                metadata);

        // 5 items: ceil(sqrt(5)) = 3 columns, 2 rows of 2x3 thumbnails.
        BufferedImage sprite = ImageIO.read(out.resolve("sprite.png").toFile());
        assertEquals(3 * W, sprite.getWidth());
        assertEquals(2 * H, sprite.getHeight());
        for (int i = 0; i < 5; i++) {
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    int sample = sprite.getRaster().getSample((i % 3) * W + x, (i / 3) * H + y, 0);
                    assertEquals(pixel(i, x, y), sample, "item " + i + " pixel " + x + "," + y);
                }
            }
        }
        assertEquals(0, sprite.getRaster().getSample(2 * W, H, 0), "the unused sixth cell stays black");

        Message config = parseProjectorConfig(Files.readString(out.resolve("projector_config.pbtxt")));
        Message embedding = (Message) ((List<?>) field(config, "embeddings")).get(0);
        assertEquals("fashion-mnist/test", field(embedding, "tensor_name"));
        assertEquals("tensors.tsv", field(embedding, "tensor_path"));
        assertEquals("metadata.tsv", field(embedding, "metadata_path"));
        assertEquals(List.of(5, 2), field(embedding, "tensor_shape"));
        Message spriteInfo = (Message) field(embedding, "sprite");
        assertEquals("sprite.png", field(spriteInfo, "image_path"));
        assertEquals(List.of(W, H), field(spriteInfo, "single_image_dim"));

        assertEquals(new SpriteInfo("sprite.png", W, H, 3), result.manifest().sprite());
        assertFalse(Files.exists(out.resolve("sprite.spool")), "the thumbnail spool is removed");
    }

    @Test
    void colourThumbnailsKeepTheirChannels() throws Exception {
        byte[] rgb = {(byte) 255, 0, 0, 0, (byte) 128, (byte) 255};
        InMemoryEmbeddingSource source = InMemoryEmbeddingSource.builder()
                .vectors(new float[] {1, 2}, 1)
                .labels(new int[] {0, 1})
                .thumbnails(new Thumbnails(1, 1, 3, rgb))
                .metadata(EmbeddingMetadata.withoutModel("rgb", VectorDistance.EUCLIDEAN, false))
                .build();
        Path out = tmp.resolve("rgb");
        FormatFixtures.export(source, ExportFormat.PROJECTOR, out);
        BufferedImage sprite = ImageIO.read(out.resolve("sprite.png").toFile());
        assertEquals(0xFF0000, sprite.getRGB(0, 0) & 0xFFFFFF);
        assertEquals(0x0080FF, sprite.getRGB(1, 0) & 0xFFFFFF);
    }

    @Test
    void spriteBeyondTheCapIsLeftOutWithANote() throws Exception {
        // 9 thumbnails 3000 px wide need 3 columns = 9000 px > 8192 px.
        InMemoryEmbeddingSource source = InMemoryEmbeddingSource.builder()
                .vectors(new float[9], 1)
                .labels(new int[9])
                .thumbnails(new Thumbnails(3000, 1, 1, new byte[9 * 3000]))
                .metadata(EmbeddingMetadata.withoutModel("wide", VectorDistance.EUCLIDEAN, false))
                .build();
        Path out = tmp.resolve("wide");
        ExportResult result = FormatFixtures.export(source, ExportFormat.PROJECTOR, out);
        assertFalse(Files.exists(out.resolve("sprite.png")));
        assertNull(result.manifest().sprite());
        assertTrue(result.manifest().notes().get(0).contains("9000x3 px sprite"), result.manifest().notes().get(0));
        Message embedding = (Message) ((List<?>) field(
                parseProjectorConfig(Files.readString(out.resolve("projector_config.pbtxt"))), "embeddings")).get(0);
        assertFalse(((Message) embedding).hasField(embedding.getDescriptorForType().findFieldByName("sprite")));
    }

    @Test
    void thumbnailsFromUnitFloatsAreRoundedAndClipped() {
        Thumbnails t = Thumbnails.fromUnitFloats(2, 2, 1, new float[] {0f, 0.5f, 1f, 1.7f, -0.2f, 0.2f, 0.4f, 0.01f});
        // 0.5 * 255 = 127.5 rounds up; 0.01 * 255 = 2.55 rounds to 3.
        assertArrayEquals(new byte[] {0, (byte) 128, (byte) 255, (byte) 255, 0, 51, 102, 3}, t.pixels());
        assertEquals(2, t.count());
    }

    private static Object field(Message message, String name) {
        return message.getField(message.getDescriptorForType().findFieldByName(name));
    }

    /**
     * Parses text with the field names and numbers of TensorBoard's projector_config.proto
     * (tensorboard/plugins/projector/projector_config.proto), declared here by hand.
     */
    private static Message parseProjectorConfig(String text) throws Exception {
        DescriptorProto sprite = DescriptorProto.newBuilder().setName("SpriteMetadata")
                .addField(scalar("image_path", 1, Type.TYPE_STRING, Label.LABEL_OPTIONAL))
                .addField(scalar("single_image_dim", 2, Type.TYPE_UINT32, Label.LABEL_REPEATED))
                .build();
        DescriptorProto embedding = DescriptorProto.newBuilder().setName("EmbeddingInfo")
                .addField(scalar("tensor_name", 1, Type.TYPE_STRING, Label.LABEL_OPTIONAL))
                .addField(scalar("metadata_path", 2, Type.TYPE_STRING, Label.LABEL_OPTIONAL))
                .addField(scalar("bookmarks_path", 3, Type.TYPE_STRING, Label.LABEL_OPTIONAL))
                .addField(scalar("tensor_shape", 4, Type.TYPE_UINT32, Label.LABEL_REPEATED))
                .addField(scalar("sprite", 5, Type.TYPE_MESSAGE, Label.LABEL_OPTIONAL).toBuilder()
                        .setTypeName(".tensorboard.SpriteMetadata"))
                .addField(scalar("tensor_path", 6, Type.TYPE_STRING, Label.LABEL_OPTIONAL))
                .build();
        DescriptorProto config = DescriptorProto.newBuilder().setName("ProjectorConfig")
                .addField(scalar("model_checkpoint_path", 1, Type.TYPE_STRING, Label.LABEL_OPTIONAL))
                .addField(scalar("embeddings", 2, Type.TYPE_MESSAGE, Label.LABEL_REPEATED).toBuilder()
                        .setTypeName(".tensorboard.EmbeddingInfo"))
                .addField(scalar("model_checkpoint_dir", 3, Type.TYPE_STRING, Label.LABEL_OPTIONAL))
                .build();
        FileDescriptor file = FileDescriptor.buildFrom(FileDescriptorProto.newBuilder()
                .setName("projector_config.proto").setPackage("tensorboard").setSyntax("proto3")
                .addMessageType(sprite).addMessageType(embedding).addMessageType(config).build(),
                new FileDescriptor[0]);
        Descriptor type = file.findMessageTypeByName("ProjectorConfig");
        DynamicMessage.Builder builder = DynamicMessage.newBuilder(type);
        TextFormat.getParser().merge(text, builder);
        return builder.build();
    }

    private static FieldDescriptorProto scalar(String name, int number, Type type, Label label) {
        return FieldDescriptorProto.newBuilder().setName(name).setNumber(number).setType(type).setLabel(label).build();
    }
}
