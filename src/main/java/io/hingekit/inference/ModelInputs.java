package io.hingekit.inference;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.hingekit.data.FeatureScaler;

/**
 * Turns a batch of raw rows into what a network takes, as training's pipeline did: pixels divided on the device, the
 * rows shaped as samples, the model's saved feature scaling applied. Shared by {@link Scorer} and the Spark jobs'
 * embedding of raw rows, so both see the same inputs.
 */
public final class ModelInputs {

    private ModelInputs() {}

    /**
     * Builds the network's input of a batch.
     *
     * @param manager the manager that owns the arrays made here
     * @param batch raw rows
     * @param sampleShape the shape of one sample the model takes
     * @param scaler the model's saved scaling, or null for none
     * @return the features (N, sample shape)
     */
    public static NDArray of(NDManager manager, InputRows.Batch batch, Shape sampleShape, FeatureScaler scaler) {
        NDArray x = manager.create(batch.features(), new Shape(batch.rows(), sampleShape.size()));
        if (batch.pixelScale() != 1f) {
            x = x.div(batch.pixelScale());
        }
        NDArray shaped = x.reshape(new Shape(batch.rows()).addAll(sampleShape));
        return scaler == null ? shaped : scaler.apply(shaped);
    }
}
