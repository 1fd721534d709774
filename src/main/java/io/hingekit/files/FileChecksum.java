package io.hingekit.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Checksums of files recorded in manifests, so an export can be traced to the exact parameters it came from. */
public final class FileChecksum {

    private static final String ALGORITHM = "SHA-256";
    private static final String PREFIX = "sha256:";

    private FileChecksum() {}

    /**
     * Computes the SHA-256 of a file.
     *
     * @param file the file
     * @return {@code sha256:} and 64 lower-case hex digits
     * @throws IOException if reading fails
     */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance(ALGORITHM);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides " + ALGORITHM, e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return PREFIX + HexFormat.of().formatHex(digest.digest());
    }
}
