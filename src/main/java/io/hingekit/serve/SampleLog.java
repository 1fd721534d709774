package io.hingekit.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A JSON-lines log of a sample of the scored rows, for tracing high-loss predictions without storing personal
 * data: the prediction, the gap and a salted SHA-256 of the input instead of the raw features (raw features only when
 * asked). Files rotate at {@value #MAX_BYTES} bytes ({@code samples-0.jsonl} is the newest; {@value #KEEP} are kept).
 * The salt is random per server start and written to {@code salt.txt} beside the log, so hashes match within a run
 * and an operator who holds the file can re-hash a known input. Thread-safe.
 */
final class SampleLog implements AutoCloseable {

    static final long MAX_BYTES = 8L << 20;
    static final int KEEP = 4;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final double rate;
    private final boolean rawFeatures;
    private final byte[] salt = new byte[16];
    private OutputStream out;
    private long written;

    SampleLog(Path dir, double rate, boolean rawFeatures) throws IOException {
        this.dir = dir;
        this.rate = rate;
        this.rawFeatures = rawFeatures;
        Files.createDirectories(dir);
        new SecureRandom().nextBytes(salt);
        Files.writeString(dir.resolve("salt.txt"), HexFormat.of().formatHex(salt) + "\n");
        open();
    }

    private void open() throws IOException {
        Path file = dir.resolve("samples-0.jsonl");
        out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        written = Files.size(file);
    }

    /** Logs a row with the configured probability. */
    synchronized void maybeLog(float[] features, Prediction prediction) throws IOException {
        if (ThreadLocalRandom.current().nextDouble() >= rate) {
            return;
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("time", System.currentTimeMillis());
        row.put("id", prediction.id());
        row.put("model", prediction.model());
        row.put("class", prediction.predicted());
        row.put("gap", prediction.gap());
        row.put("scores", prediction.scores());
        row.put("input_sha256", hash(features));
        if (rawFeatures) {
            row.put("features", features);
        }
        byte[] line = (JSON.writeValueAsString(row) + "\n").getBytes(StandardCharsets.UTF_8);
        if (written + line.length > MAX_BYTES) {
            rotate();
        }
        out.write(line);
        out.flush();
        written += line.length;
    }

    private void rotate() throws IOException {
        out.close();
        Files.deleteIfExists(dir.resolve("samples-" + (KEEP - 1) + ".jsonl"));
        for (int i = KEEP - 2; i >= 0; i--) {
            Path from = dir.resolve("samples-" + i + ".jsonl");
            if (Files.exists(from)) {
                Files.move(from, dir.resolve("samples-" + (i + 1) + ".jsonl"));
            }
        }
        open();
    }

    private String hash(float[] features) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt);
            ByteBuffer bytes = ByteBuffer.allocate(features.length * Float.BYTES);
            bytes.asFloatBuffer().put(features);
            return HexFormat.of().formatHex(digest.digest(bytes.array()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
