package io.hingekit.data;

import ai.djl.ndarray.types.Shape;

/**
 * The three splits a run uses: training, a seeded validation split carved from it, and the test split, which is
 * never used for early stopping or model selection.
 *
 * @param train training samples
 * @param validation validation samples (held out from the original training set)
 * @param test test samples
 * @param scaler the feature scaling applied to all three (fitted on {@code train}), or null without one
 */
public record DataSplits(LabeledData train, LabeledData validation, LabeledData test, FeatureScaler scaler) {

    /** Returns the shape of one sample's features. */
    public Shape sampleShape() {
        return train.features().getShape().slice(1);
    }

    /**
     * Returns a split by name.
     *
     * @param name {@code train}, {@code validation} or {@code test}
     * @return the split
     * @throws IllegalArgumentException for another name
     */
    public LabeledData split(String name) {
        return switch (name) {
            case "train" -> train;
            case "validation" -> validation;
            case "test" -> test;
            default -> throw new IllegalArgumentException(
                    "--split must be train, validation or test, got '" + name + "'");
        };
    }

    /** Returns the number of classes. */
    public int numClasses() {
        return train.numClasses();
    }
}
