package io.hingekit.serve;

/**
 * One served prediction.
 *
 * @param id the caller's id, or null
 * @param model the name of the model that made it
 * @param predicted the predicted class index
 * @param className the predicted class's name
 * @param scores the hinge head's scores
 * @param gap the label-free margin: top score minus second (binary: |s|)
 * @param probabilities calibrated probabilities, or null without {@code calibration.json}
 * @param heads every head's scores, kept for feedback
 */
record Prediction(String id, String model, int predicted, String className, float[] scores, float gap,
        double[] probabilities, float[][] heads) {

    /** Returns the same prediction with the caller's id. */
    Prediction withId(String newId) {
        return new Prediction(newId, model, predicted, className, scores, gap, probabilities, heads);
    }
}
