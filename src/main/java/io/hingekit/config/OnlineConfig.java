package io.hingekit.config;

import static io.hingekit.util.Checks.check;
import static io.hingekit.util.Checks.positive;

import java.util.List;

/**
 * How {@code learn-online} learns from a stream ({@code online} section): the update rule and its parameters, the
 * stream's classes and feature count, and how often it reports and checkpoints. Missing values take their defaults
 * here; a key the algorithm does not use is an error naming it. Where the classes, the feature count or the label
 * column are left out, the {@code data} section gives them (the online package reads them from there).
 *
 * @param algorithm the update rule (default {@code pa-i})
 * @param lambda Pegasos's regularisation strength (default 1e-4; Pegasos only)
 * @param aggressiveness C of PA-I and PA-II (default 1; those only)
 * @param projection Pegasos only: project the weights onto the ball of radius {@code 1 / sqrt(lambda)} after each
 *     step (default false)
 * @param bias whether the model has a bias, learnt as the weight of a constant feature 1 (default true)
 * @param classes the class names, index = label (default: the data source's, for Fashion-MNIST and blobs)
 * @param features the number of features per example (default: the data source's, for Fashion-MNIST and blobs)
 * @param labelColumn the label's CSV column or JSON key (default {@code data.csv.labelColumn}, else {@code label})
 * @param window the number of latest examples of the windowed progressive figures (default 1000)
 * @param checkpointEvery examples between checkpoints (default 10000; one is also written at the end)
 * @param logEvery examples between progress lines and TensorBoard points (default 1000)
 */
public record OnlineConfig(
        OnlineAlgorithm algorithm,
        Double lambda,
        Double aggressiveness,
        Boolean projection,
        Boolean bias,
        List<String> classes,
        Integer features,
        String labelColumn,
        Integer window,
        Integer checkpointEvery,
        Integer logEvery) {

    /** Default Pegasos regularisation strength. */
    public static final double DEFAULT_LAMBDA = 1e-4;
    /** Default aggressiveness C. */
    public static final double DEFAULT_AGGRESSIVENESS = 1.0;
    /** Default label column or key when the data section names none. */
    public static final String DEFAULT_LABEL_COLUMN = "label";
    /** Default window of the windowed figures. */
    public static final int DEFAULT_WINDOW = 1000;
    /** Default number of examples between checkpoints. */
    public static final int DEFAULT_CHECKPOINT_EVERY = 10_000;
    /** Default number of examples between progress reports. */
    public static final int DEFAULT_LOG_EVERY = 1000;

    /** Fills in the defaults of the algorithm and refuses keys it does not use. */
    public OnlineConfig {
        algorithm = algorithm == null ? OnlineAlgorithm.PA_I : algorithm;
        boolean pegasos = algorithm == OnlineAlgorithm.PEGASOS;
        onlyFor("lambda", lambda, pegasos, "pegasos");
        onlyFor("projection", projection, pegasos, "pegasos");
        onlyFor("aggressiveness", aggressiveness, algorithm.hasAggressiveness(), "pa-i, pa-ii");
        if (pegasos) {
            lambda = lambda == null ? DEFAULT_LAMBDA : lambda;
            check(lambda > 0 && !lambda.isInfinite(), "online.lambda", "a finite number > 0", lambda);
            projection = projection != null && projection;
        }
        if (algorithm.hasAggressiveness()) {
            aggressiveness = aggressiveness == null ? DEFAULT_AGGRESSIVENESS : aggressiveness;
            check(aggressiveness > 0 && !aggressiveness.isInfinite(), "online.aggressiveness", "a finite number > 0",
                    aggressiveness);
        }
        bias = bias == null || bias;
        classes = classes == null ? null : List.copyOf(classes);
        check(classes == null || classes.size() >= 2 && classes.stream().distinct().count() == classes.size(),
                "online.classes", "at least 2 distinct names", classes);
        check(features == null || features > 0, "online.features", "> 0", features);
        window = positive("online.window", window == null ? DEFAULT_WINDOW : window);
        checkpointEvery = positive("online.checkpointEvery",
                checkpointEvery == null ? DEFAULT_CHECKPOINT_EVERY : checkpointEvery);
        logEvery = positive("online.logEvery", logEvery == null ? DEFAULT_LOG_EVERY : logEvery);
    }

    private static void onlyFor(String key, Object value, boolean applies, String algorithms) {
        check(value == null || applies, "online." + key, "absent for this online.algorithm (it applies to "
                + algorithms + ")", value);
    }
}
