package io.hingekit.config;

import static io.hingekit.util.Checks.check;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The deployment gate ({@code gate} section): thresholds checked on the validation split when training ends, and by
 * {@code hingekit gate}. Every threshold is optional; a gate without any is an error.
 *
 * @param maxViolationRate the largest allowed margin violation rate
 * @param maxMeanHinge the largest allowed mean hinge loss
 * @param minAccuracy the smallest allowed accuracy
 * @param maxTrainValidationGap the largest allowed validation minus train mean hinge loss
 * @param maxClassViolationRate per class (by name or index) the largest allowed violation rate
 */
public record GateConfig(Double maxViolationRate, Double maxMeanHinge, Double minAccuracy,
        Double maxTrainValidationGap, Map<String, Double> maxClassViolationRate) {

    /** Checks the thresholds. */
    public GateConfig {
        check(maxViolationRate != null || maxMeanHinge != null || minAccuracy != null || maxTrainValidationGap != null
                || maxClassViolationRate != null, "gate", "at least one threshold", "none");
        rate("gate.maxViolationRate", maxViolationRate);
        rate("gate.minAccuracy", minAccuracy);
        check(maxMeanHinge == null || maxMeanHinge >= 0, "gate.maxMeanHinge", ">= 0", maxMeanHinge);
        check(maxTrainValidationGap == null || !maxTrainValidationGap.isNaN(), "gate.maxTrainValidationGap",
                "a number", maxTrainValidationGap);
        // in the config's order, so checks and gate.json list the classes as written
        maxClassViolationRate = maxClassViolationRate == null ? null
                : Collections.unmodifiableMap(new LinkedHashMap<>(maxClassViolationRate));
        if (maxClassViolationRate != null) {
            maxClassViolationRate.forEach((name, value) -> rate("gate.maxClassViolationRate." + name, value));
        }
    }

    private static void rate(String key, Double value) {
        check(value == null || value >= 0 && value <= 1, key, "in [0, 1]", value);
    }
}
