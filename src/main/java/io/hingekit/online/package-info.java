/**
 * Online learning on streams ({@code learn-online}): linear hinge models updated one example at a time by
 * passive-aggressive rules ({@link io.hingekit.online.PassiveAggressive}: PA, PA-I, PA-II) or Pegasos
 * ({@link io.hingekit.online.Pegasos}), binary or multi-class, with class weights, from CSV or JSON-lines files,
 * standard input or a Kafka topic ({@link io.hingekit.online.RecordSources}).
 *
 * <p>{@link io.hingekit.online.OnlineLearning} runs a job: each record is scored before it is learnt from
 * ({@link io.hingekit.online.ProgressiveValidation}: accuracy, hinge loss and violation rate over the whole stream
 * and a sliding window), then learnt from; every {@code online.checkpointEvery} examples and at the end one atomic
 * {@link io.hingekit.online.OnlineCheckpoint} saves the weights together with the last learnt offset of each
 * partition, and the weights are written as a normal model directory of the {@code linear} network, which
 * {@code score}, {@code report}, {@code export} and {@code serve} read. A restarted job resumes from the checkpoint
 * and skips every record at or below its offsets, so each example affects the model exactly once across restarts
 * when the stream replays a partition in the same order.
 *
 * <p>The updates run on plain {@code double} arrays ({@link io.hingekit.online.LinearWeights}), not on the device:
 * see {@link io.hingekit.online.OnlineLearner} for why. Progress goes to
 * {@link io.hingekit.online.OnlineListener}s: {@link io.hingekit.online.ConsoleProgress} here, TensorBoard's in
 * {@code io.hingekit.tensorboard}.
 *
 * <pre>{@code
 * OnlineListener.Progress end = new OnlineLearning().run(new OnlineRequest(Path.of("configs/fashion-online-pa.yaml"),
 *         "stream.jsonl", null, Path.of("models/online"), null, false, 0, false), List.of(new ConsoleProgress(System.err)));
 * }</pre>
 *
 * <p><b>Layering:</b> sits between training and tensorboard; may import util, files, loss, mining, metrics,
 * config, data and model (it uses files, config, data and model), never training, tensorboard, lifecycle,
 * serve or cli.
 */
package io.hingekit.online;
