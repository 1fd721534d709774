package io.hingekit.config;

import java.util.List;

/** The online update rule of {@code learn-online} ({@code online.algorithm}). */
public enum OnlineAlgorithm implements ConfigWord {
    /** Pegasos (Shalev-Shwartz et al.): stochastic sub-gradient steps of size {@code 1 / (lambda t)}. */
    PEGASOS("pegasos"),
    /** Passive-aggressive (Crammer et al. 2006): the smallest change that gives the example zero hinge loss. */
    PA("pa"),
    /** PA-I: the passive-aggressive step capped at the aggressiveness {@code C}. */
    PA_I("pa-i"),
    /** PA-II: the passive-aggressive step for the squared slack, {@code 1 / (2C)} added to the denominator. */
    PA_II("pa-ii");

    private final String word;

    OnlineAlgorithm(String word) {
        this.word = word;
    }

    @Override
    public String word() {
        return word;
    }

    @Override
    public List<String> aliases() {
        return List.of(name(), word.replace("-", ""));
    }

    /** Returns whether the rule has the aggressiveness parameter {@code C} (PA-I and PA-II). */
    public boolean hasAggressiveness() {
        return this == PA_I || this == PA_II;
    }
}
