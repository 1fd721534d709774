package io.hingekit.model;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.hingekit.config.RunConfig;
import io.hingekit.config.RunConfigs;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A trained network loaded from a model directory for inference: the config, the network rebuilt from it and
 * the selected parameters ({@value ModelDirectory#PARAMETERS}).
 */
public final class TrainedModel implements AutoCloseable {

    private final RunConfig config;
    private final ModelInfo info;
    private final Model model;
    private final ParameterStore store;

    private TrainedModel(RunConfig config, ModelInfo info, Model model) {
        this.config = config;
        this.info = info;
        this.model = model;
        this.store = new ParameterStore(model.getNDManager(), false);
    }

    /**
     * Loads the model of a directory written by {@code train}.
     *
     * @param modelDir the model directory
     * @param device where to run it
     * @return the model
     * @throws IOException when a file is missing or unreadable (the message names it)
     */
    public static TrainedModel load(Path modelDir, Device device) throws IOException {
        ModelDirectory dir = new ModelDirectory(modelDir).requireTrained();
        RunConfig config = RunConfigs.read(dir.config());
        ModelInfo info = dir.readInfo();
        return load(config, info, dir.parameters(), device);
    }

    /**
     * Rebuilds a network and loads a parameter file into it.
     *
     * @param config the run's config
     * @param info outputs and input shape
     * @param parameters a file written by {@code Block.saveParameters}
     * @param device where to run it
     * @return the model
     * @throws IOException when the file cannot be read or does not fit the network
     */
    public static TrainedModel load(RunConfig config, ModelInfo info, Path parameters, Device device)
            throws IOException {
        Model model = Model.newInstance(config.name(), device);
        try {
            model.setBlock(initializedBlock(config, info, model));
            readParameters(model.getBlock(), parameters, model);
            return new TrainedModel(config, info, model);
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** Builds the network of a config and initialises its parameters (shapes) on the model's manager. */
    public static Block initializedBlock(RunConfig config, ModelInfo info, Model model) {
        Block block = Networks.build(config.model(), info.outputs());
        block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(2).addAll(new Shape(info.sampleShape())));
        return block;
    }

    /**
     * Reads a DJL parameter file into an initialised block (before any trainer caches its arrays) and checks that
     * every array it held has the shape the block was initialised with.
     *
     * @throws IllegalArgumentException naming the file when it is missing, cut short, corrupt or holds another
     *     network's parameters
     * @throws IOException when it cannot be read
     */
    public static void readParameters(Block block, Path parameters, Model model) throws IOException {
        Map<String, Shape> expected = shapes(block);
        try (InputStream in = Files.newInputStream(parameters)) {
            block.loadParameters(model.getNDManager(), new DataInputStream(in));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("parameter file not found: " + parameters, e);
        } catch (EOFException e) {
            throw new IllegalArgumentException(parameters + " is cut short or written for another network: it ends "
                    + "before all parameters of the config's network were read (" + Files.size(parameters)
                    + " bytes)", e);
        } catch (MalformedModelException e) {
            throw new IllegalArgumentException(notFitting(parameters) + e.getMessage(), e);
        } catch (RuntimeException e) {
            // DJL's reader takes damaged bytes for shapes and sizes ("The shape must be >= -1")
            throw new IllegalArgumentException(parameters + " is corrupt: it does not hold DJL parameters of the "
                    + "network (" + e.getMessage() + ")", e);
        }
        shapes(block).forEach((name, shape) -> {
            if (!shape.equals(expected.get(name))) {
                throw new IllegalArgumentException(notFitting(parameters) + "parameter " + name + " has shape "
                        + shape + " in the file, the network needs " + expected.get(name));
            }
        });
    }

    private static Map<String, Shape> shapes(Block block) {
        Map<String, Shape> shapes = new LinkedHashMap<>();
        block.getParameters().forEach(p -> shapes.put(p.getKey(), p.getValue().getArray().getShape()));
        return shapes;
    }

    private static String notFitting(Path parameters) {
        return parameters + " does not fit the network of the config: ";
    }

    /**
     * Runs the network in inference mode.
     *
     * @param input the input batch
     * @return the outputs (scores, or embeddings)
     */
    public NDList predict(NDList input) {
        return model.getBlock().forward(store, input, false);
    }

    /** Returns the run's config. */
    public RunConfig config() {
        return config;
    }

    /** Returns outputs, input shape and class names. */
    public ModelInfo info() {
        return info;
    }

    @Override
    public void close() {
        model.close();
    }
}
