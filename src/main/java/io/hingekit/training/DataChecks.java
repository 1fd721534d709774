package io.hingekit.training;

import io.hingekit.config.RunConfig;
import io.hingekit.data.DataSplits;
import io.hingekit.data.LabeledData;
import java.util.List;
import java.util.TreeSet;

/**
 * Checks that the loaded data fits the run before anything is trained or written: at least two classes, no class
 * that only the test data has (classifiers; an embedding may retrieve classes it never saw), and image-shaped
 * samples for a convolutional network.
 */
final class DataChecks {

    private static final int IMAGE_RANK = 3;

    private DataChecks() {}

    /**
     * Checks the splits against the config.
     *
     * @param config the run's config
     * @param data the loaded splits
     * @throws IllegalArgumentException naming the problem
     */
    static void check(RunConfig config, DataSplits data) {
        TreeSet<Integer> training = classes(data.train());
        training.addAll(classes(data.validation()));
        List<String> names = data.train().classNames();
        if (training.size() < 2) {
            throw new IllegalArgumentException("the training data has only 1 class ("
                    + quoted(names, training) + "): a run needs at least 2 classes");
        }
        if (!config.model().isEmbedding()) {
            TreeSet<Integer> unseen = classes(data.test());
            unseen.removeAll(training);
            if (!unseen.isEmpty()) {
                throw new IllegalArgumentException("class " + quoted(names, unseen) + " appears in the test data but "
                        + "not in the training data: a classifier cannot predict it");
            }
        }
        long[] sample = data.sampleShape().getShape();
        if (config.model().type().isConvolutional() && sample.length != IMAGE_RANK) {
            throw new IllegalArgumentException("model.type " + config.model().type().word() + " needs images "
                    + "(channels x height x width), but the samples of data.source " + config.data().source().word()
                    + " have shape " + data.sampleShape() + ": use mlp, linear or mlp-embedding for tabular data");
        }
    }

    private static TreeSet<Integer> classes(LabeledData split) {
        TreeSet<Integer> classes = new TreeSet<>();
        for (int label : split.labelArray()) {
            classes.add(label);
        }
        return classes;
    }

    private static String quoted(List<String> names, TreeSet<Integer> classes) {
        List<String> quoted = classes.stream()
                .map(c -> "'" + (c >= 0 && c < names.size() ? names.get(c) : String.valueOf(c)) + "'").toList();
        return String.join(", ", quoted);
    }
}
