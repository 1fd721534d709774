package io.hingekit.tensorboard;

import java.nio.file.Path;

/**
 * An incomplete record at the end of a file: what a killed or still-running writer leaves. Reading stops there.
 *
 * @param file the file read
 * @param offset byte offset at which the incomplete record starts
 * @param bytesPresent how many of its bytes the file holds
 */
public record TruncatedRecord(Path file, long offset, long bytesPresent) {}
