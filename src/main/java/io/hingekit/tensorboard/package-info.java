/**
 * TensorBoard event files written and read from Java, in layers with one job each:
 * {@link io.hingekit.tensorboard.SummaryWriter} (the verbs: {@code scalar}, {@code histogram}, {@code text},
 * {@code prCurve}, {@code image}, {@code hparams}; tag, value, step) over pure builders of summaries
 * ({@link io.hingekit.tensorboard.Summaries}) and an {@link io.hingekit.tensorboard.EventFileWriter} (file naming,
 * a bounded queue, one writer thread, timed flushes, idempotent close) over a
 * {@link io.hingekit.tensorboard.RecordWriter} (TFRecord framing with masked CRC32C). Reading goes the other way
 * ({@link io.hingekit.tensorboard.EventFileReader}, {@link io.hingekit.tensorboard.RunInspector} for
 * {@code inspect}).
 *
 * <p>{@link io.hingekit.tensorboard.TensorBoardListener} is the {@link io.hingekit.training.RunListener} that logs a
 * training run, {@link io.hingekit.tensorboard.OnlineTensorBoardListener} the
 * {@link io.hingekit.online.OnlineListener} that logs an online job's progressive figures; the fixed tags are
 * constants of {@link io.hingekit.tensorboard.Tags}.
 *
 * <pre>{@code
 * try (SummaryWriter writer = SummaryWriter.open(Path.of("runs/quick"))) {
 *     writer.scalar("train/loss", 0.42, step);
 * }
 * }</pre>
 *
 * <p><b>Layering:</b> may import every package below it, util up to training and online.
 */
package io.hingekit.tensorboard;
