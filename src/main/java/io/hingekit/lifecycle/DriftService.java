package io.hingekit.lifecycle;

import ai.djl.Device;
import io.hingekit.config.DriftConfig;
import io.hingekit.config.RunConfigs;
import io.hingekit.drift.KolmogorovSmirnov;
import io.hingekit.drift.KsResult;
import io.hingekit.drift.MultipleTesting;
import io.hingekit.drift.PopulationStabilityIndex;
import io.hingekit.drift.Wasserstein;
import io.hingekit.model.ModelDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Compares two margin distributions: the signed margins where both sides have labels, else the label-free gaps.
 * Overall and, on request, per class (by label, or by predicted class without labels): the two-sample
 * Kolmogorov-Smirnov statistic and p-value (SciPy's {@code ks_2samp}: exact up to 10,000 samples a side,
 * asymptotic above), the 1-D Wasserstein distance, and the population stability index (10 bins from reference
 * quantiles, empty-bin floor 1e-4), with a multiple-testing correction of the per-class p-values. Drift is declared
 * when a (corrected) p-value falls below {@code alpha}, a PSI exceeds {@code maxPsi}, or a Wasserstein distance
 * exceeds {@code maxWasserstein} (when set).
 */
public final class DriftService {

    /** Default significance level of the KS tests. */
    public static final double DEFAULT_ALPHA = 0.01;
    /** Default PSI threshold (0.2: the usual "significant shift"). */
    public static final double DEFAULT_MAX_PSI = 0.2;

    /**
     * What to compare.
     *
     * @param reference a model directory (its saved validation margins) or a scores file
     * @param current a scores file, or a model directory whose {@code currentSplit} is scored
     * @param currentSplit the split of a model directory given as {@code current}
     * @param dataDir a Fashion-MNIST directory for a model given as {@code current} (may be null)
     * @param byClass whether to test each class too
     * @param thresholds when drift is declared
     * @param device the device for a model given as {@code current}
     */
    public record Request(Path reference, Path current, String currentSplit, Path dataDir, boolean byClass,
            Thresholds thresholds, Device device) {}

    /**
     * When drift is declared.
     *
     * @param correction the multiple-testing correction of the per-class p-values
     * @param alpha significance level
     * @param maxPsi PSI threshold
     * @param maxWasserstein Wasserstein threshold, or NaN for none
     */
    public record Thresholds(MultipleTesting correction, double alpha, double maxPsi, double maxWasserstein) {

        /**
         * The thresholds of a config's {@code drift} section (flags already applied).
         *
         * @param config the section
         * @return the thresholds
         */
        public static Thresholds of(DriftConfig config) {
            return new Thresholds(MultipleTesting.parse(config.correction()), config.alpha(), config.maxPsi(),
                    config.maxWasserstein() == null ? Double.NaN : config.maxWasserstein());
        }
    }

    /**
     * The drift thresholds saved with a reference model: its config's {@code drift} section, else the defaults (also
     * for a reference that is a scores file).
     *
     * @param reference a model directory or a scores file
     * @return the saved thresholds
     */
    public static DriftConfig savedThresholds(Path reference) {
        Path config = new ModelDirectory(reference).config();
        if (Files.isDirectory(reference) && Files.isRegularFile(config)) {
            DriftConfig drift = RunConfigs.read(config).drift();
            return drift != null ? drift : DriftConfig.defaults();
        }
        return DriftConfig.defaults();
    }

    /**
     * Compares the two sides.
     *
     * @param request what to compare
     * @return the report: {@code drift} (true or false), the quantity compared, overall and per-class statistics,
     *     and the reasons for a drift verdict
     * @throws IOException when files cannot be read
     */
    public Map<String, Object> compare(Request request) throws IOException {
        MarginSample reference = Files.isDirectory(request.reference()) ? MarginSample.reference(request.reference())
                : MarginSample.scores(request.reference());
        MarginSample current = load(request);
        boolean signed = reference.labelled() && current.labelled();
        Map<String, Object> overall = statistics(values(reference, signed, -1), values(current, signed, -1));
        return report(reference.source(), current.source(), signed, overall,
                request.byClass() ? perClass(reference, current, signed) : null, request.thresholds());
    }

    /**
     * Assembles the report from statistics computed here or elsewhere (a Spark job): corrects the per-class
     * p-values, judges each group and lists the reasons.
     *
     * @param reference where the reference margins come from
     * @param current where the current margins come from
     * @param signed whether signed margins (both sides labelled) or gaps were compared
     * @param overall the overall {@link #statistics}
     * @param perClass the {@link #statistics} of each class tested (both sides non-empty), by class, ascending; null
     *     when not testing per class
     * @param thresholds when drift is declared
     * @return the report: {@code drift} (true or false), the quantity compared, overall and per-class statistics,
     *     and the reasons for a drift verdict
     */
    public static Map<String, Object> report(String reference, String current, boolean signed,
            Map<String, Object> overall, SortedMap<Integer, Map<String, Object>> perClass, Thresholds thresholds) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("reference", reference);
        report.put("current", current);
        report.put("quantity", signed ? "signed_margin" : "gap");
        List<String> reasons = new ArrayList<>();
        judge("overall", overall, (double) overall.get("ks_pvalue"), thresholds, reasons);
        report.put("overall", overall);
        if (perClass != null) {
            report.put("per_class", corrected(perClass, thresholds, reasons));
            report.put("correction", thresholds.correction().configWord());
        }
        report.put("alpha", thresholds.alpha());
        report.put("max_psi", thresholds.maxPsi());
        if (!Double.isNaN(thresholds.maxWasserstein())) {
            report.put("max_wasserstein", thresholds.maxWasserstein());
        }
        report.put("drift", !reasons.isEmpty());
        report.put("reasons", reasons);
        return report;
    }

    /**
     * The statistics of one group (overall or one class), as the report lists them.
     *
     * @param referenceCount the reference's size
     * @param currentCount the current sample's size
     * @param ks the KS test
     * @param wasserstein the Wasserstein distance
     * @param psi the PSI
     * @return the fields, in the report's order
     */
    public static Map<String, Object> statistics(long referenceCount, long currentCount, KsResult ks,
            double wasserstein, double psi) {
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("reference_count", referenceCount);
        stats.put("current_count", currentCount);
        stats.put("ks_statistic", ks.statistic());
        stats.put("ks_pvalue", ks.pValue());
        stats.put("ks_method", ks.method().name().toLowerCase(Locale.ROOT));
        stats.put("wasserstein", wasserstein);
        stats.put("psi", psi);
        return stats;
    }

    private static MarginSample load(Request request) throws IOException {
        if (!Files.isDirectory(request.current())) {
            return MarginSample.scores(request.current());
        }
        try (ModelData data = ModelData.open(request.current(), request.dataDir(), request.device())) {
            return MarginSample.of(request.current() + " (" + request.currentSplit() + ")",
                    data.scores(request.currentSplit()));
        }
    }

    private static SortedMap<Integer, Map<String, Object>> perClass(MarginSample reference, MarginSample current,
            boolean signed) {
        int classes = 1 + Math.max(max(group(reference, signed)), max(group(current, signed)));
        SortedMap<Integer, Map<String, Object>> stats = new TreeMap<>();
        for (int c = 0; c < classes; c++) {
            double[] ref = values(reference, signed, c);
            double[] cur = values(current, signed, c);
            if (ref.length > 0 && cur.length > 0) {
                stats.put(c, statistics(ref, cur));
            }
        }
        return stats;
    }

    private static Map<String, Object> corrected(SortedMap<Integer, Map<String, Object>> stats, Thresholds thresholds,
            List<String> reasons) {
        double[] p = stats.values().stream().mapToDouble(s -> (double) s.get("ks_pvalue")).toArray();
        double[] adjusted = thresholds.correction().adjust(p);
        Map<String, Object> out = new LinkedHashMap<>();
        int i = 0;
        for (Map.Entry<Integer, Map<String, Object>> entry : stats.entrySet()) {
            entry.getValue().put("ks_pvalue_adjusted", adjusted[i]);
            judge("class " + entry.getKey(), entry.getValue(), adjusted[i], thresholds, reasons);
            out.put(String.valueOf(entry.getKey()), entry.getValue());
            i++;
        }
        return out;
    }

    private static Map<String, Object> statistics(double[] reference, double[] current) {
        return statistics(reference.length, current.length, KolmogorovSmirnov.twoSample(reference, current),
                Wasserstein.distance(reference, current), PopulationStabilityIndex.of(reference, current));
    }

    private static void judge(String what, Map<String, Object> stats, double p, Thresholds thresholds,
            List<String> reasons) {
        if (p < thresholds.alpha()) {
            reasons.add(what + ": KS p-value " + p + " < alpha " + thresholds.alpha());
        }
        double psi = (double) stats.get("psi");
        if (psi > thresholds.maxPsi()) {
            reasons.add(what + ": PSI " + psi + " > " + thresholds.maxPsi());
        }
        double w = (double) stats.get("wasserstein");
        if (!Double.isNaN(thresholds.maxWasserstein()) && w > thresholds.maxWasserstein()) {
            reasons.add(what + ": Wasserstein " + w + " > " + thresholds.maxWasserstein());
        }
    }

    /** The compared values of one class (or all, {@code c < 0}): grouped by label when signed, else by prediction. */
    private static double[] values(MarginSample sample, boolean signed, int c) {
        double[] values = signed ? sample.margins() : sample.gaps();
        if (c < 0) {
            return values;
        }
        int[] group = group(sample, signed);
        return IntStream.range(0, values.length).filter(i -> group[i] == c)
                .mapToDouble(i -> values[i]).toArray();
    }

    private static int[] group(MarginSample sample, boolean signed) {
        return signed ? sample.labels() : sample.predicted();
    }

    private static int max(int[] values) {
        return Arrays.stream(values).max().orElse(-1);
    }
}
