package io.hingekit.online;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Records of a JSON-lines stream (a file or standard input), one {@link JsonRecords} object per line; blank lines
 * are skipped; the offset is the line number (from 1).
 */
final class JsonlRecordSource implements RecordSource {

    private final BufferedReader reader;
    private final String name;
    private final String labelKey;
    private long line;

    /**
     * Reads a stream of JSON lines.
     *
     * @param in the bytes (UTF-8); closed with the source
     * @param name the stream's name in messages
     * @param labelKey the key of the label
     */
    JsonlRecordSource(InputStream in, String name, String labelKey) {
        this.reader = new BufferedReader(new InputStreamReader(in,
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)));
        this.name = name;
        this.labelKey = labelKey;
    }

    @Override
    public StreamRecord next() throws IOException {
        String text;
        do {
            line++;
            try {
                text = reader.readLine();
            } catch (CharacterCodingException e) {
                throw new IllegalArgumentException(name + " line " + line + ": not UTF-8 text (a binary file?)", e);
            }
            if (text == null) {
                return null;
            }
        } while (text.isBlank());
        return JsonRecords.parse(text, 0, line, name + " line " + line, labelKey);
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
