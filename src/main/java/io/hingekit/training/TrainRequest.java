package io.hingekit.training;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What the {@code train} command asks for: a config plus command-line overrides. Built with {@link #builder()}.
 *
 * @param config path of the YAML config
 * @param device {@code auto}, {@code cpu}, {@code gpu} or {@code gpu:N}
 * @param epochs number of epochs overriding the config's (null = the config's)
 * @param out model directory (null = {@code models/<name>})
 * @param logDir log directory handed to listeners such as TensorBoard's (null = {@code runs/<name>})
 * @param dataDir Fashion-MNIST directory overriding the config's (null = the config's)
 * @param resume whether to continue from the latest checkpoint in {@code out}
 * @param overwrite whether a fresh run may replace an existing model directory
 */
public record TrainRequest(
        Path config, String device, Integer epochs, Path out, Path logDir, Path dataDir, boolean resume,
        boolean overwrite) {

    /** Returns a builder; only the config is required, the device defaults to {@code auto}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link TrainRequest}. */
    public static final class Builder {
        private Path config;
        private String device = "auto";
        private Integer epochs;
        private Path out;
        private Path logDir;
        private Path dataDir;
        private boolean resume;
        private boolean overwrite;

        private Builder() {}

        /** Sets the YAML config (required). */
        public Builder config(Path config) {
            this.config = config;
            return this;
        }

        /** Sets the device: {@code auto}, {@code cpu}, {@code gpu} or {@code gpu:N}. */
        public Builder device(String device) {
            this.device = device;
            return this;
        }

        /** Overrides the config's number of epochs (null keeps it). */
        public Builder epochs(Integer epochs) {
            this.epochs = epochs;
            return this;
        }

        /** Sets the model directory (null = {@code models/<name>}). */
        public Builder out(Path out) {
            this.out = out;
            return this;
        }

        /** Sets the log directory (null = {@code runs/<name>}). */
        public Builder logDir(Path logDir) {
            this.logDir = logDir;
            return this;
        }

        /** Overrides the Fashion-MNIST directory (null keeps the config's). */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        /** Continues from the latest checkpoint of the model directory. */
        public Builder resume(boolean resume) {
            this.resume = resume;
            return this;
        }

        /** Lets a fresh run replace an existing model directory. */
        public Builder overwrite(boolean overwrite) {
            this.overwrite = overwrite;
            return this;
        }

        /**
         * Returns the request.
         *
         * @throws IllegalArgumentException when both resume and overwrite are asked for
         */
        public TrainRequest build() {
            Objects.requireNonNull(config, "config");
            if (resume && overwrite) {
                throw new IllegalArgumentException("--resume and --overwrite cannot be combined: --resume continues "
                        + "the run in the model directory, --overwrite replaces it with a fresh one");
            }
            return new TrainRequest(config, device, epochs, out, logDir, dataDir, resume, overwrite);
        }
    }
}
