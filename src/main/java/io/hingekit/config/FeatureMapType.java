package io.hingekit.config;

/** The kernel feature map of a linear model ({@code model.featureMap.type}). */
public enum FeatureMapType implements ConfigWord {
    /** Random Fourier features of the RBF kernel (Rahimi and Recht, 2007). */
    RFF("rff"),
    /** Nyström features from landmarks sampled from the training set (Williams and Seeger, 2001). */
    NYSTROEM("nystroem");

    private final String word;

    FeatureMapType(String word) {
        this.word = word;
    }

    @Override
    public String word() {
        return word;
    }
}
