package io.hingekit.config;

import static io.hingekit.util.Checks.check;

import io.hingekit.drift.MultipleTesting;

/**
 * The drift thresholds of a model ({@code drift} section), used by {@code drift --reference <this model>} unless
 * flags override them; missing values take their defaults here.
 *
 * @param alpha significance level of the KS tests (default 0.01)
 * @param maxPsi PSI threshold (default 0.2)
 * @param maxWasserstein Wasserstein threshold (default none)
 * @param correction per-class p-value correction: {@code none}, {@code bonferroni} (default) or
 *     {@code benjamini-hochberg}
 * @param byClass whether each class is tested too (default false)
 */
public record DriftConfig(Double alpha, Double maxPsi, Double maxWasserstein, String correction, Boolean byClass) {

    /** Fills in the defaults and checks the values. */
    public DriftConfig {
        alpha = alpha == null ? 0.01 : alpha;
        check(alpha > 0 && alpha < 1, "drift.alpha", "in (0, 1)", alpha);
        maxPsi = maxPsi == null ? 0.2 : maxPsi;
        check(maxPsi >= 0, "drift.maxPsi", ">= 0", maxPsi);
        check(maxWasserstein == null || maxWasserstein >= 0, "drift.maxWasserstein", ">= 0", maxWasserstein);
        correction = MultipleTesting.parse(correction == null ? "bonferroni" : correction).configWord();
        byClass = byClass != null && byClass;
    }

    /** Returns the defaults, for a model without a {@code drift} section. */
    public static DriftConfig defaults() {
        return new DriftConfig(null, null, null, null, null);
    }
}
