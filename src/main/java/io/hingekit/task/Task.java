package io.hingekit.task;

import ai.djl.ndarray.NDManager;
import ai.djl.training.loss.Loss;
import io.hingekit.config.RunConfig;
import io.hingekit.metrics.SplitEvaluator;
import java.util.List;
import java.util.Optional;

/**
 * What a run learns, and so how it is trained, evaluated, selected and reported: a {@link ClassifierTask} (class
 * scores, judged by their margins) or an {@link EmbeddingTask} (an embedding, judged by retrieval). The training loop
 * asks its task instead of branching on the kind of run.
 */
public sealed interface Task permits ClassifierTask, EmbeddingTask {

    /**
     * Builds the task a config describes, with its loss. Labels are validated once when data is loaded, so the losses
     * skip per-batch checks.
     *
     * @param config the run's config
     * @param numClasses number of classes of the data
     * @return the task
     * @throws IllegalArgumentException when the loss does not fit the data
     */
    static Task of(RunConfig config, int numClasses) {
        return config.loss().isEmbedding()
                ? EmbeddingTask.of(config.loss(), config.model().embeddingDim(), config.seed(),
                        new SelectionCriterion(config.training().selectBy()))
                : ClassifierTask.of(config.loss(), numClasses, config.training().tailThreshold(),
                        new SelectionCriterion(config.training().selectBy()));
    }

    /** Returns the loss the optimizer minimises. */
    Loss loss();

    /** Returns the number of outputs of the network: class scores (1 for a binary hinge) or embedding dimensions. */
    int outputs();

    /** Returns the validation figure that selects the saved model. */
    SelectionCriterion criterion();

    /**
     * Returns an evaluator of the training batches, fed with each step's outputs and loss.
     *
     * @param manager the manager whose device the accumulated arrays live on
     * @return the evaluator
     */
    SplitEvaluator trainingEvaluator(NDManager manager);

    /**
     * Returns an evaluator of an evaluation pass over a split.
     *
     * @param manager the manager whose device the accumulated arrays live on
     * @return the evaluator
     */
    SplitEvaluator evaluator(NDManager manager);

    /** Returns the splits evaluated after each epoch besides training: validation, and test for embeddings. */
    List<String> splitsEachEpoch();

    /** Returns the splits the selected model is evaluated on at the end of the run, in order. */
    List<String> finalSplits();

    /** Returns a collector of the validation scores for the final PR curves, where the task has class scores. */
    Optional<ValidationScores> validationScores();
}
