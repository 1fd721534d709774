/**
 * The scoring server of {@code hingekit serve}: {@link io.hingekit.serve.ScoringServer} (Jetty 12; the open inference
 * protocol v2, {@code /predict}, {@code /feedback}, {@code /metrics}, {@code /canary}) in front of one
 * {@code Batcher} per model, which batches the rows of concurrent requests onto the device.
 *
 * <p>The margin is the production signal: {@code ServeMetrics} defines the Prometheus metrics once (predictions and
 * the share inside the margin, label-free; violations, hinge loss and signed margins once feedback brings labels);
 * {@code LiveDrift} compares sliding windows of live margins with the validation margins saved at training, on a
 * schedule, and drives a {@code RetrainSignal} with hysteresis; {@code Canary} routes a share of the traffic to a
 * candidate and judges it (two-proportion z-test on violations, KS test on gaps); {@code SampleLog} keeps a sample
 * of requests with hashed inputs. Scoring itself is {@link io.hingekit.inference.Scorer}'s, the same as
 * {@code score}'s.
 *
 * <p>May use: {@code inference}, {@code task}, {@code model}, {@code config}, {@code drift}, {@code calibration},
 * {@code files}, {@code util}. Used by: {@code cli}.
 */
package io.hingekit.serve;
