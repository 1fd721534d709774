package io.hingekit.export;

import java.nio.file.Path;

/**
 * What a finished export reports.
 *
 * @param directory the final export directory
 * @param count items written
 * @param seconds wall time of the export
 * @param itemsPerSecond throughput, {@code count / seconds}
 * @param manifest the manifest written with the export
 */
public record ExportResult(
        Path directory, long count, double seconds, double itemsPerSecond, ExportManifest manifest) {}
