package io.hingekit.training;

import ai.djl.training.loss.SoftmaxCrossEntropyLoss;
import io.hingekit.loss.AuxiliaryHingeLoss;
import io.hingekit.loss.BinaryHingeLoss;
import io.hingekit.loss.MulticlassHingeLoss;
import io.hingekit.mining.BatchAllMiner;
import io.hingekit.mining.BatchHardMiner;
import io.hingekit.mining.ContrastiveHingeLoss;
import io.hingekit.mining.CosineDistance;
import io.hingekit.mining.Distance;
import io.hingekit.mining.EuclideanDistance;
import io.hingekit.mining.HardMiner;
import io.hingekit.mining.Miner;
import io.hingekit.mining.Reduction;
import io.hingekit.mining.Reductions;
import io.hingekit.mining.SemiHardMiner;
import io.hingekit.mining.SquaredEuclideanDistance;
import io.hingekit.mining.TripletHingeLoss;
import java.util.List;
import java.util.Locale;

/** Builds the loss a {@link LossConfig} names, with what margin monitoring needs to know about it. */
public final class Losses {

    /** Default margin of the triplet loss (for L2-normalised embeddings). */
    public static final float DEFAULT_TRIPLET_MARGIN = 0.2f;

    private Losses() {}

    /**
     * Builds the loss. Labels are validated once when data is loaded, so the losses skip per-batch checks.
     *
     * @param config the loss section of the config
     * @param numClasses number of classes of the data
     * @param seed seeds the random subset of a capped batch-all miner
     * @return the loss and its monitoring setup
     */
    public static LossSetup create(LossConfig config, int numClasses, long seed) {
        String type = config.type() == null ? "multiclass-hinge" : config.type();
        return switch (type) {
            case "binary-hinge" -> binary(config, numClasses);
            case "multiclass-hinge" -> {
                MulticlassHingeLoss hinge = multiclass(config, numClasses);
                yield new LossSetup(hinge, hinge, 0, false, false);
            }
            case "ce-aux-hinge" -> auxiliary(config, numClasses);
            case "triplet" -> triplet(config, seed);
            case "contrastive" -> contrastive(config, seed);
            default -> throw new IllegalArgumentException("loss.type must be binary-hinge, multiclass-hinge, "
                    + "ce-aux-hinge, triplet or contrastive, got '" + type + "'");
        };
    }

    private static LossSetup binary(LossConfig config, int numClasses) {
        if (numClasses != 2) {
            throw new IllegalArgumentException("loss.type binary-hinge needs 2 classes, the data has " + numClasses);
        }
        BinaryHingeLoss.Builder builder = BinaryHingeLoss.builder().validateLabels(false).squared(power(config) == 2);
        if (config.margin() != null) {
            builder.margin(config.margin().floatValue());
        }
        if (config.classWeights() != null) {
            float[] w = weights(config.classWeights(), 2);
            builder.negativeWeight(w[0]).positiveWeight(w[1]);
        }
        BinaryHingeLoss loss = builder.build();
        return new LossSetup(loss, loss, 0, true, false);
    }

    private static MulticlassHingeLoss multiclass(LossConfig config, int numClasses) {
        MulticlassHingeLoss.Builder builder = MulticlassHingeLoss.builder().validateLabels(false).power(power(config));
        if (config.variant() != null) {
            builder.variant(variant(config.variant()));
        }
        if (config.margin() != null) {
            builder.margin(config.margin().floatValue());
        }
        if (config.divideByClasses() != null) {
            builder.divideByClasses(config.divideByClasses());
        }
        if (config.classWeights() != null) {
            builder.classWeights(weights(config.classWeights(), numClasses));
        }
        return builder.build();
    }

    private static LossSetup auxiliary(LossConfig config, int numClasses) {
        int hingeIndex = Boolean.TRUE.equals(config.hingeOnAuxHead()) ? 1 : 0;
        AuxiliaryHingeLoss.Builder builder = AuxiliaryHingeLoss.builder()
                .primary(new SoftmaxCrossEntropyLoss("cross_entropy"))
                .hinge(multiclass(config, numClasses))
                .hingePredictionIndex(hingeIndex);
        if (config.lambda() != null) {
            builder.lambda(config.lambda().floatValue());
        }
        AuxiliaryHingeLoss loss = builder.build();
        return new LossSetup(loss, loss, hingeIndex, false, false);
    }

    private static LossSetup triplet(LossConfig config, long seed) {
        float margin = config.margin() == null ? DEFAULT_TRIPLET_MARGIN : config.margin().floatValue();
        TripletHingeLoss loss = TripletHingeLoss.builder().margin(margin).distance(distance(config.distance()))
                .miner(miner(config, margin, seed)).squared(power(config) == 2)
                .reduction(reduction(config.reduction())).softMargin(Boolean.TRUE.equals(config.softMargin()))
                .build();
        return new LossSetup(loss, loss, 0, false, true);
    }

    /** Without {@code loss.miner}, every pair of the batch; with one, the pairs of the triplets it mines. */
    private static LossSetup contrastive(LossConfig config, long seed) {
        float margin = config.margin() == null ? ContrastiveHingeLoss.DEFAULT_MARGIN : config.margin().floatValue();
        ContrastiveHingeLoss loss = ContrastiveHingeLoss.builder().margin(margin).distance(distance(config.distance()))
                .miner(config.miner() == null ? null : miner(config, margin, seed)).squared(power(config) == 2)
                .reduction(reduction(config.reduction())).build();
        return new LossSetup(loss, loss, 0, false, true);
    }

    private static Reduction reduction(String name) {
        return switch (name == null ? "mean-nonzero" : name) {
            case "mean-nonzero" -> Reductions.MEAN_NONZERO;
            case "mean" -> Reductions.MEAN;
            default -> throw new IllegalArgumentException(
                    "loss.reduction must be mean-nonzero or mean, got '" + name + "'");
        };
    }

    private static Distance distance(String name) {
        return switch (name == null ? "euclidean" : name) {
            case "euclidean" -> new EuclideanDistance();
            case "squared-euclidean" -> new SquaredEuclideanDistance();
            case "cosine" -> new CosineDistance();
            default -> throw new IllegalArgumentException(
                    "loss.distance must be euclidean, squared-euclidean or cosine, got '" + name + "'");
        };
    }

    private static Miner miner(LossConfig config, float margin, long seed) {
        String name = config.miner() == null ? "batch-hard" : config.miner();
        if (config.maxTriplets() != null && !name.equals("batch-all")) {
            throw new IllegalArgumentException("loss.maxTriplets applies to miner batch-all only, not " + name);
        }
        return switch (name) {
            case "batch-hard" -> new BatchHardMiner();
            case "batch-all" -> config.maxTriplets() == null
                    ? BatchAllMiner.all()
                    : BatchAllMiner.builder().maxTriplets(config.maxTriplets()).seed(seed).build();
            case "semi-hard" -> new SemiHardMiner(margin);
            case "hard" -> new HardMiner();
            default -> throw new IllegalArgumentException(
                    "loss.miner must be batch-all, batch-hard, semi-hard or hard, got '" + name + "'");
        };
    }

    private static int power(LossConfig config) {
        return config.power() == null ? 1 : config.power();
    }

    private static MulticlassHingeLoss.Variant variant(String name) {
        try {
            return MulticlassHingeLoss.Variant.valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("loss.variant must be WESTON_WATKINS, CRAMMER_SINGER or ONE_VS_REST, "
                    + "got '" + name + "'", e);
        }
    }

    private static float[] weights(List<Double> values, int expected) {
        if (values.size() != expected) {
            throw new IllegalArgumentException(
                    "loss.classWeights needs " + expected + " values (one per class), got " + values.size());
        }
        float[] w = new float[values.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = values.get(i).floatValue();
        }
        return w;
    }
}
