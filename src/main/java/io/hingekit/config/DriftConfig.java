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

    /**
     * These thresholds with the given flags in place of the saved values.
     *
     * @param alpha a significance level, or null to keep this one
     * @param maxPsi a PSI threshold, or null to keep this one
     * @param maxWasserstein a Wasserstein threshold, or null to keep this one
     * @param correction a correction word, or null to keep this one
     * @param byClass whether to test each class (true wins over the saved value)
     * @return the thresholds to use
     * @throws IllegalArgumentException for a value out of range
     */
    public DriftConfig overriddenBy(Double alpha, Double maxPsi, Double maxWasserstein, String correction,
            boolean byClass) {
        return new DriftConfig(alpha != null ? alpha : this.alpha, maxPsi != null ? maxPsi : this.maxPsi,
                maxWasserstein != null ? maxWasserstein : this.maxWasserstein,
                correction != null ? correction : this.correction, byClass || this.byClass);
    }
}
