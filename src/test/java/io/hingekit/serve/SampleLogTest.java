package io.hingekit.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleLogTest {

    @TempDir
    Path tmp;

    @Test
    void logsASaltedHashInsteadOfTheFeatures() throws Exception {
        float[] features = {1.5f, -2f};
        Prediction prediction = new Prediction("id-1", "m", 1, "b", new float[] {0.1f, 0.9f}, 0.8f, null, null);
        try (SampleLog log = new SampleLog(tmp, 1.0, false)) {
            log.maybeLog(features, prediction);
        }
        List<String> lines = Files.readAllLines(tmp.resolve("samples-0.jsonl"));
        assertEquals(1, lines.size());
        JsonNode row = new ObjectMapper().readTree(lines.get(0));
        assertFalse(row.has("features"));
        byte[] salt = HexFormat.of().parseHex(Files.readString(tmp.resolve("salt.txt")).trim());
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update(salt);
        ByteBuffer bytes = ByteBuffer.allocate(8);
        bytes.asFloatBuffer().put(features);
        assertEquals(HexFormat.of().formatHex(digest.digest(bytes.array())), row.get("input_sha256").asText());
        assertEquals("id-1", row.get("id").asText());
    }

    @Test
    void rawFeaturesOnlyWhenAskedAndNothingAtRateZero() throws Exception {
        Prediction prediction = new Prediction(null, "m", 0, "a", new float[] {1f}, 1f, null, null);
        try (SampleLog log = new SampleLog(tmp.resolve("raw"), 1.0, true)) {
            log.maybeLog(new float[] {3f}, prediction);
        }
        assertTrue(Files.readString(tmp.resolve("raw").resolve("samples-0.jsonl")).contains("\"features\":[3.0]"));
        try (SampleLog log = new SampleLog(tmp.resolve("none"), 0.0, false)) {
            for (int i = 0; i < 100; i++) {
                log.maybeLog(new float[] {3f}, prediction);
            }
        }
        assertEquals(0, Files.size(tmp.resolve("none").resolve("samples-0.jsonl")));
    }
}
