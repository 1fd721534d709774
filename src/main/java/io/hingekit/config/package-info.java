/**
 * The run configuration: {@link io.hingekit.config.RunConfig} and its sections
 * ({@link io.hingekit.config.DataConfig}, {@link io.hingekit.config.ModelConfig},
 * {@link io.hingekit.config.LossConfig}, {@link io.hingekit.config.OptimizerConfig},
 * {@link io.hingekit.config.TrainingConfig}) as records whose every default is filled in here, read and written as
 * YAML by {@link io.hingekit.config.RunConfigs}. Reading is strict: unknown keys, words outside a key's list and
 * keys the chosen type does not use are errors that name the key.
 *
 * <p>Every word of a config (and of the CLI and manifests) is an enum implementing
 * {@link io.hingekit.config.ConfigWord}, with one canonical spelling and the aliases of released configs:
 * {@link io.hingekit.config.LossType}, {@link io.hingekit.config.MinerType},
 * {@link io.hingekit.config.VectorDistance} and the others.
 *
 * <pre>{@code
 * RunConfig config = RunConfigs.read(Path.of("configs/quick.yaml"));
 * int epochs = config.training().epochs();
 * }</pre>
 *
 * <p><b>Layering:</b> may import util, files, loss, mining and metrics.
 */
package io.hingekit.config;
