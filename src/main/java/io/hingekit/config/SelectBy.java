package io.hingekit.config;

import java.util.Set;

/**
 * The validation figure that picks the saved model and drives early stopping ({@code training.selectBy}); the words
 * are the metric names of {@code metrics.json}. Classifier runs default to the loss, embedding runs to MAP@R (as
 * pytorch-metric-learning's default primary metric).
 */
public enum SelectBy implements ConfigWord {
    /** The validation loss (lower is better). */
    LOSS("loss", false),
    /** Classifier accuracy. */
    ACCURACY("accuracy", true),
    /** Mean average precision at R. */
    MAP_AT_R("map_at_r", true),
    /** Leave-one-out precision at 1. */
    PRECISION_AT_1("precision_at_1", true),
    /** R-precision. */
    R_PRECISION("r_precision", true),
    /** k-nearest-neighbour accuracy. */
    KNN_ACCURACY("knn_accuracy", true);

    /** Figures a classifier run can select by. */
    public static final Set<SelectBy> CLASSIFIER = Set.of(LOSS, ACCURACY);
    /** Figures an embedding run can select by. */
    public static final Set<SelectBy> EMBEDDING = Set.of(MAP_AT_R, PRECISION_AT_1, R_PRECISION, KNN_ACCURACY, LOSS);

    private final String word;
    private final boolean higherIsBetter;

    SelectBy(String word, boolean higherIsBetter) {
        this.word = word;
        this.higherIsBetter = higherIsBetter;
    }

    @Override
    public String word() {
        return word;
    }

    /** Returns whether larger values are better. */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** Returns the default figure of a classifier or embedding run. */
    static SelectBy defaultFor(boolean embedding) {
        return embedding ? MAP_AT_R : LOSS;
    }
}
