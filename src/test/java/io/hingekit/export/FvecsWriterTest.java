package io.hingekit.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FvecsWriterTest {

    @TempDir
    Path tmp;

    @Test
    void writesTexmexLayoutByteForByte() throws Exception {
        Path out = tmp.resolve("fvecs");
        FormatFixtures.export(FormatFixtures.source(FormatFixtures.euclidean()), ExportFormat.FVECS, out);

        ByteBuffer vectors = ByteBuffer.allocate(3 * (4 + 2 * 4)).order(ByteOrder.LITTLE_ENDIAN);
        vectors.putInt(2).putFloat(1.5f).putFloat(-2f);
        vectors.putInt(2).putFloat(0.25f).putFloat(3e-3f);
        vectors.putInt(2).putFloat(-1e-7f).putFloat(12345.678f);
        assertArrayEquals(vectors.array(), Files.readAllBytes(out.resolve("vectors.fvecs")));

        ByteBuffer labels = ByteBuffer.allocate(3 * 8).order(ByteOrder.LITTLE_ENDIAN);
        labels.putInt(1).putInt(0).putInt(1).putInt(7).putInt(1).putInt(2);
        assertArrayEquals(labels.array(), Files.readAllBytes(out.resolve("labels.ivecs")));

        assertEquals("10\n11\n1099511627776\n", Files.readString(out.resolve("ids.txt"), StandardCharsets.UTF_8));
    }
}
