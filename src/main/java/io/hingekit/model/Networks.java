package io.hingekit.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import io.hingekit.config.FeatureMapConfig;
import io.hingekit.config.ModelConfig;
import java.util.List;

/**
 * Builds the networks Hingekit trains from DJL blocks: a trunk (linear, MLP or small CNN) ending in a hinge head,
 * a cross-entropy head plus an auxiliary hinge head, or an L2-normalised embedding head.
 *
 * <p>A linear model may start with a fixed kernel feature map ({@code model.featureMap}: {@link
 * RandomFourierFeatures} or {@link NystroemFeatures}, whose landmarks {@link #fitToData} samples before training),
 * trained with the head but never updated, optionally after a {@link SignedPower} of its inputs.
 *
 * <p>A {@code ce-aux-hinge} network outputs two arrays: index 0 the cross-entropy logits, index 1 the hinge
 * scores; every other network outputs one array.
 */
public final class Networks {

    private static final int CONV1_CHANNELS = 32;
    private static final int CONV2_CHANNELS = 64;
    private static final Shape KERNEL = new Shape(3, 3);
    private static final Shape PADDING = new Shape(1, 1);
    private static final Shape POOL = new Shape(2, 2);

    private Networks() {}

    /**
     * Builds the network a config describes.
     *
     * @param config the model section of the run's config
     * @param outputs number of scores per sample (classes, or 1 for a binary hinge)
     * @return the uninitialised block
     */
    public static Block build(ModelConfig config, int outputs) {
        return switch (config.type()) {
            case LINEAR -> withHead(config.featureMap() == null ? flatten() : withFeatureMap(flatten(), config),
                    config, outputs);
            case MLP -> withHead(mlpTrunk(config.hidden()), config, outputs);
            case CNN -> withHead(cnnTrunk(config.hidden().get(0)), config, outputs);
            case CNN_EMBEDDING -> embedding(cnnTrunk(config.hidden().get(0)), config);
            case MLP_EMBEDDING -> embedding(mlpTrunk(config.hidden()), config);
        };
    }

    private static SequentialBlock withFeatureMap(SequentialBlock trunk, ModelConfig config) {
        FeatureMapConfig map = config.featureMap();
        if (map.transformsInputs()) {
            trunk.add(new SignedPower(map.inputPower()));
        }
        return trunk.add(switch (map.type()) {
            case RFF -> new RandomFourierFeatures(map);
            case NYSTROEM -> new NystroemFeatures(map);
        });
    }

    /**
     * Fits the data-dependent parts of an initialised network before training: the landmarks of a Nyström map
     * (random Fourier features need no data), drawn from the training features as the blocks before the map pass
     * them on (flattened, and after a {@link SignedPower} where configured). Does nothing for other networks.
     *
     * @param network a network {@link #build} made, initialised
     * @param trainingFeatures the training split's features as the network takes them
     */
    public static void fitToData(Block network, NDArray trainingFeatures) {
        List<Block> children = List.copyOf(network.getChildren().values());
        int map = 0;
        while (map < children.size() && !(children.get(map) instanceof NystroemFeatures)) {
            map++;
        }
        if (map == children.size()) {
            return;
        }
        ParameterStore store = new ParameterStore(trainingFeatures.getManager(), false);
        NDList seen = new NDList(trainingFeatures);
        for (Block before : children.subList(0, map)) {
            seen = before.forward(store, seen, false);
        }
        ((NystroemFeatures) children.get(map)).fit(seen.singletonOrThrow());
    }

    private static SequentialBlock flatten() {
        return new SequentialBlock().add(Blocks.batchFlattenBlock());
    }

    private static SequentialBlock mlpTrunk(List<Integer> hidden) {
        SequentialBlock trunk = flatten();
        for (int width : hidden) {
            trunk.add(Linear.builder().setUnits(width).build()).add(Activation::relu);
        }
        return trunk;
    }

    private static SequentialBlock cnnTrunk(int denseWidth) {
        return new SequentialBlock()
                .add(convBlock(CONV1_CHANNELS))
                .add(convBlock(CONV2_CHANNELS))
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(denseWidth).build())
                .add(Activation::relu);
    }

    private static SequentialBlock convBlock(int channels) {
        return new SequentialBlock()
                .add(Conv2d.builder().setFilters(channels).setKernelShape(KERNEL).optPadding(PADDING).build())
                .add(BatchNorm.builder().build())
                .add(Activation::relu)
                .add(Pool.maxPool2dBlock(POOL, POOL));
    }

    private static Block withHead(SequentialBlock trunk, ModelConfig config, int outputs) {
        if (config.dropout() > 0) {
            trunk.add(Dropout.builder().optRate(config.dropout().floatValue()).build());
        }
        switch (config.head()) {
            case HINGE -> trunk.add(Linear.builder().setUnits(outputs).build());
            case CE_AUX_HINGE -> trunk.add(new ParallelBlock(
                    heads -> new NDList(heads.get(0).singletonOrThrow(), heads.get(1).singletonOrThrow()),
                    List.of(Linear.builder().setUnits(outputs).build(), Linear.builder().setUnits(outputs).build())));
        }
        return trunk;
    }

    private static Block embedding(SequentialBlock trunk, ModelConfig config) {
        return trunk.add(Linear.builder().setUnits(config.embeddingDim()).build())
                .add(BatchNorm.builder().build())
                .add(new LambdaBlock(x -> new NDList(x.singletonOrThrow().normalize(2, 1)), "l2-normalize"));
    }
}
