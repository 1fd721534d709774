package io.hingekit.model;

import java.util.List;

/**
 * What rebuilding a trained network needs besides its config: written as {@code model-info.json} in the model
 * directory.
 *
 * @param outputs scores per sample (classes, 1 for binary) or the embedding dimension
 * @param sampleShape shape of one input sample
 * @param classNames class names, index = label
 */
public record ModelInfo(int outputs, long[] sampleShape, List<String> classNames) {}
