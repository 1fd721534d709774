package io.hingekit.metrics;

/**
 * Names of the metrics as they appear in {@code metrics.json}, TensorBoard tags ({@code <split>/<name>}) and
 * {@code training.selectBy}: one spelling everywhere.
 */
public final class MetricNames {

    /** Mean loss of a split. */
    public static final String LOSS = "loss";
    /** Classifier accuracy. */
    public static final String ACCURACY = "accuracy";
    /** Fraction of samples with a positive hinge loss. */
    public static final String VIOLATION_RATE = "violation_rate";
    /** Fraction of samples with a loss above the tail threshold. */
    public static final String TAIL_RATIO = "tail_ratio";
    /** Leave-one-out precision at 1. */
    public static final String PRECISION_AT_1 = "precision_at_1";
    /** R-precision. */
    public static final String R_PRECISION = "r_precision";
    /** Mean average precision at R. */
    public static final String MAP_AT_R = "map_at_r";
    /** Recall at 1. */
    public static final String RECALL_AT_1 = "recall_at_1";
    /** Recall at 5. */
    public static final String RECALL_AT_5 = "recall_at_5";
    /** Recall at 10. */
    public static final String RECALL_AT_10 = "recall_at_10";
    /** k-nearest-neighbour accuracy. */
    public static final String KNN_ACCURACY = "knn_accuracy";
    /** Queries without any other sample of their class. */
    public static final String SKIPPED_QUERIES = "skipped_queries";

    private MetricNames() {}
}
