package io.hingekit.export;

import ai.djl.util.Progress;
import io.hingekit.util.Checks;
import java.nio.file.Path;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;

/**
 * How an export is written: format, output directory, overwrite policy, HNSW parameters and progress display.
 *
 * @param format the file format
 * @param out the final export directory
 * @param overwrite whether an existing non-empty {@code out} may be replaced (only after the export succeeded)
 * @param maxConnections HNSW neighbours per node (Lucene exports)
 * @param beamWidth HNSW construction beam width (Lucene exports)
 * @param progress receives progress when the source announces its count, or null for none
 */
public record ExportOptions(
        ExportFormat format, Path out, boolean overwrite, int maxConnections, int beamWidth, Progress progress) {

    /** Lucene's default HNSW neighbours per node. */
    public static final int DEFAULT_MAX_CONNECTIONS = Lucene99HnswVectorsFormat.DEFAULT_MAX_CONN;

    /** Lucene's default HNSW construction beam width. */
    public static final int DEFAULT_BEAM_WIDTH = Lucene99HnswVectorsFormat.DEFAULT_BEAM_WIDTH;

    /**
     * Starts a builder with Lucene's default HNSW parameters, no overwrite and no progress display.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link ExportOptions}; {@code format} and {@code out} are required. */
    public static final class Builder {
        private ExportFormat format;
        private Path out;
        private boolean overwrite;
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;
        private int beamWidth = DEFAULT_BEAM_WIDTH;
        private Progress progress;

        private Builder() {}

        /**
         * Sets the format.
         *
         * @param format the format
         * @return this builder
         */
        public Builder format(ExportFormat format) {
            this.format = format;
            return this;
        }

        /**
         * Sets the export directory.
         *
         * @param out the directory the export will have once complete
         * @return this builder
         */
        public Builder out(Path out) {
            this.out = out;
            return this;
        }

        /**
         * Sets whether an existing non-empty export directory may be replaced.
         *
         * @param overwrite true to replace it after a successful export
         * @return this builder
         */
        public Builder overwrite(boolean overwrite) {
            this.overwrite = overwrite;
            return this;
        }

        /**
         * Sets the HNSW neighbours per node.
         *
         * @param maxConnections in [1, 512]
         * @return this builder
         */
        public Builder maxConnections(int maxConnections) {
            this.maxConnections = maxConnections;
            return this;
        }

        /**
         * Sets the HNSW construction beam width.
         *
         * @param beamWidth in [1, 3200]
         * @return this builder
         */
        public Builder beamWidth(int beamWidth) {
            this.beamWidth = beamWidth;
            return this;
        }

        /**
         * Sets the progress display.
         *
         * @param progress for example DJL's {@code ProgressBar}, or null
         * @return this builder
         */
        public Builder progress(Progress progress) {
            this.progress = progress;
            return this;
        }

        /**
         * Validates and builds the options.
         *
         * @return the options
         * @throws IllegalArgumentException naming the missing or out-of-range parameter
         */
        public ExportOptions build() {
            Checks.present("format", format);
            Checks.present("out", out);
            Checks.between("maxConnections", maxConnections, 1, Lucene99HnswVectorsFormat.MAXIMUM_MAX_CONN);
            Checks.between("beamWidth", beamWidth, 1, Lucene99HnswVectorsFormat.MAXIMUM_BEAM_WIDTH);
            return new ExportOptions(format, out, overwrite, maxConnections, beamWidth, progress);
        }
    }
}
