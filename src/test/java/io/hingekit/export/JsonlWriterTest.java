package io.hingekit.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlWriterTest {

    @TempDir
    Path tmp;

    @Test
    void everyLineParsesBackToTheExactItem() throws Exception {
        Path out = tmp.resolve("jsonl");
        FormatFixtures.export(FormatFixtures.source(FormatFixtures.euclidean()), ExportFormat.JSONL, out);

        String text = Files.readString(out.resolve("embeddings.jsonl"), StandardCharsets.UTF_8);
        List<String> lines = text.lines().toList();
        assertEquals(3, lines.size());
        assertEquals('\n', text.charAt(text.length() - 1));
        ObjectMapper mapper = new ObjectMapper();
        for (int i = 0; i < 3; i++) {
            JsonNode item = mapper.readTree(lines.get(i));
            assertEquals(List.of("id", "label", "vector"), iterableToList(item.fieldNames()));
            assertEquals(FormatFixtures.IDS[i], item.get("id").asLong());
            assertEquals(FormatFixtures.LABELS[i], item.get("label").asInt());
            float[] vector = {item.get("vector").get(0).floatValue(), item.get("vector").get(1).floatValue()};
            assertEquals(2, item.get("vector").size());
            assertArrayEquals(FormatFixtures.ROWS[i], vector);
        }
    }

    private static List<String> iterableToList(java.util.Iterator<String> names) {
        List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
