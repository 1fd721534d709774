/**
 * A training run. {@link io.hingekit.training.TrainingService} is the one call behind {@code train}: it reads the
 * config, loads the data, builds the task and the network and runs a {@link io.hingekit.training.TrainingLoop},
 * which trains a {@link io.hingekit.training.DataParallelNetwork} with a
 * {@link io.hingekit.training.StatefulOptimizer} (SGD or Adam whose state survives a resume), evaluates each epoch,
 * keeps the best parameters, stops early and writes {@link io.hingekit.training.Checkpoints}.
 *
 * <p>The loop reports to {@link io.hingekit.training.RunListener}s (start, resume, logged steps, epochs, early
 * stop, end) and prints nothing itself but DJL's progress bar: {@link io.hingekit.training.ConsoleListener} writes
 * the console lines to the stream the service was given, and TensorBoard's listener lives in
 * {@code io.hingekit.tensorboard}. Each epoch's data order and random seed depend only on the seed and the epoch,
 * so a resumed run repeats an uninterrupted one.
 *
 * <pre>{@code
 * RunReport report = new TrainingService(System.out)
 *         .train(TrainRequest.builder().config(Path.of("configs/quick.yaml")).device("cpu").build(), List.of());
 * }</pre>
 *
 * <p><b>Layering:</b> may import every package below it: util, files, loss, mining, metrics, config, data, model,
 * task, inference, export and search.
 */
package io.hingekit.training;
