/**
 * What a run learns, as an object the training loop asks instead of branching on the config: a
 * {@link io.hingekit.task.Task} is a {@link io.hingekit.task.ClassifierTask} (class scores trained with a hinge
 * loss, judged by their margins) or an {@link io.hingekit.task.EmbeddingTask} (an embedding trained with a metric
 * hinge loss, judged by retrieval). A task gives the loss, the evaluators of each split, the splits evaluated each
 * epoch, the {@link io.hingekit.task.SelectionCriterion} that picks the saved model and drives early stopping, and
 * the {@link io.hingekit.task.ValidationScores} collected for PR curves.
 *
 * <p>{@code Task.of(config, numClasses)} builds the task a {@link io.hingekit.config.RunConfig} describes; the
 * config words become losses and miners here.
 *
 * <p><b>Layering:</b> may import util, files, loss, mining, metrics, config, data and model.
 */
package io.hingekit.task;
