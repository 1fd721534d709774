/**
 * The networks and where a trained one lives. {@link io.hingekit.model.Networks} builds them from DJL blocks (a linear,
 * MLP or small CNN trunk ending in a hinge head, a linear model behind a fixed RBF feature map ({@link
 * io.hingekit.model.RandomFourierFeatures}, {@link io.hingekit.model.NystroemFeatures}, optionally after a {@link
 * io.hingekit.model.SignedPower}), cross-entropy plus an auxiliary hinge head, or an L2-normalised embedding head);
 * {@link io.hingekit.model.ModelDirectory} names every file of a model directory in one place; {@link
 * io.hingekit.model.TrainedModel} loads one back for inference, with the {@link io.hingekit.model.ModelInfo} it was
 * written with; {@link io.hingekit.model.DeviceSelector} turns {@code --device} into devices.
 *
 * <pre>{@code
 * try (TrainedModel model = TrainedModel.load(Path.of("models/quick"), Device.cpu())) {
 *     NDList scores = model.predict(input);
 * }
 * }</pre>
 *
 * <p><b>Layering:</b> may import util, files, loss, mining, metrics, config and data.
 */
package io.hingekit.model;
