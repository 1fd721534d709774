package io.hingekit.task;

import ai.djl.ndarray.NDManager;
import io.hingekit.config.LossConfig;
import io.hingekit.config.MinerType;
import io.hingekit.metrics.BatchLossMean;
import io.hingekit.metrics.EmbeddingEvaluator;
import io.hingekit.metrics.SplitEvaluator;
import io.hingekit.mining.BatchAllMiner;
import io.hingekit.mining.BatchHardMiner;
import io.hingekit.mining.ContrastiveHingeLoss;
import io.hingekit.mining.CosineDistance;
import io.hingekit.mining.Distance;
import io.hingekit.mining.EuclideanDistance;
import io.hingekit.mining.HardMiner;
import io.hingekit.mining.MetricHingeLoss;
import io.hingekit.mining.Miner;
import io.hingekit.mining.Reduction;
import io.hingekit.mining.Reductions;
import io.hingekit.mining.SemiHardMiner;
import io.hingekit.mining.SquaredEuclideanDistance;
import io.hingekit.mining.TripletHingeLoss;
import java.util.List;
import java.util.Optional;

/**
 * An embedding: trained with a metric hinge loss (triplet or contrastive) on P x K batches, evaluated by retrieval
 * ({@link EmbeddingEvaluator}) on the validation and test splits after each epoch; selection still uses validation.
 *
 * @param loss the metric loss
 * @param outputs the embedding dimension
 * @param criterion the validation figure that selects the saved model
 */
public record EmbeddingTask(MetricHingeLoss loss, int outputs, SelectionCriterion criterion) implements Task {

    /**
     * Builds the loss of a triplet or contrastive config.
     *
     * @param config the loss section
     * @param embeddingDim the embedding dimension
     * @param seed seeds the random subset of a capped batch-all miner
     * @param criterion the selection figure
     * @return the task
     */
    static EmbeddingTask of(LossConfig config, int embeddingDim, long seed, SelectionCriterion criterion) {
        float margin = config.margin().floatValue();
        Miner miner = config.miner() == null ? null : miner(config, margin, seed);
        MetricHingeLoss loss = switch (config.type()) {
            case TRIPLET -> TripletHingeLoss.builder().margin(margin).distance(distance(config)).miner(miner)
                    .squared(config.power() == 2).reduction(reduction(config)).softMargin(config.softMargin())
                    .build();
            // Without loss.miner, every pair of the batch; with one, the pairs of the triplets it mines.
            case CONTRASTIVE -> ContrastiveHingeLoss.builder().margin(margin).distance(distance(config)).miner(miner)
                    .squared(config.power() == 2).reduction(reduction(config)).build();
            default -> throw new IllegalArgumentException(
                    "loss.type " + config.type().word() + " is not an embedding loss");
        };
        return new EmbeddingTask(loss, embeddingDim, criterion);
    }

    private static Distance distance(LossConfig config) {
        return switch (config.distance()) {
            case EUCLIDEAN -> new EuclideanDistance();
            case SQUARED_EUCLIDEAN -> new SquaredEuclideanDistance();
            case COSINE -> new CosineDistance();
            case DOT -> throw new IllegalArgumentException("loss.distance dot is not a metric loss distance");
        };
    }

    private static Reduction reduction(LossConfig config) {
        return switch (config.reduction()) {
            case MEAN_NONZERO -> Reductions.MEAN_NONZERO;
            case MEAN -> Reductions.MEAN;
        };
    }

    private static Miner miner(LossConfig config, float margin, long seed) {
        MinerType type = config.miner();
        return switch (type) {
            case BATCH_HARD -> new BatchHardMiner();
            case BATCH_ALL -> config.maxTriplets() == null
                    ? BatchAllMiner.all()
                    : BatchAllMiner.builder().maxTriplets(config.maxTriplets()).seed(seed).build();
            case SEMI_HARD -> new SemiHardMiner(margin);
            case HARD -> new HardMiner();
        };
    }

    @Override
    public SplitEvaluator trainingEvaluator(NDManager manager) {
        return new BatchLossMean(manager);
    }

    @Override
    public SplitEvaluator evaluator(NDManager manager) {
        return new EmbeddingEvaluator(loss, manager);
    }

    @Override
    public List<String> splitsEachEpoch() {
        return List.of("validation", "test");
    }

    @Override
    public List<String> finalSplits() {
        return List.of("validation", "test");
    }

    @Override
    public Optional<ValidationScores> validationScores() {
        return Optional.empty();
    }
}
