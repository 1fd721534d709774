/**
 * The {@code hingekit} command line, built with picocli: {@link io.hingekit.cli.Main} dispatches to one command per
 * verb ({@link io.hingekit.cli.TrainCommand}, {@link io.hingekit.cli.ExportCommand},
 * {@link io.hingekit.cli.SearchCommand}, {@link io.hingekit.cli.EvaluateRetrievalCommand},
 * {@link io.hingekit.cli.InspectCommand}) and maps failures to exit codes in one place. A command parses its options
 * and makes one service call (for example {@code TrainingService.train}); anything else belongs in the service, so
 * that tests and other callers get the same behaviour without the CLI. {@code --json} output goes through
 * {@link io.hingekit.cli.JsonOutput}.
 *
 * <pre>{@code
 * int exitCode = Main.run("train", "--config", "configs/quick.yaml", "--device", "cpu");
 * }</pre>
 *
 * <p><b>Layering:</b> the top; may import every other package.
 */
package io.hingekit.cli;
