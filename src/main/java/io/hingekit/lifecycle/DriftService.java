package io.hingekit.lifecycle;

import ai.djl.Device;
import io.hingekit.drift.KolmogorovSmirnov;
import io.hingekit.drift.KsResult;
import io.hingekit.drift.MultipleTesting;
import io.hingekit.drift.PopulationStabilityIndex;
import io.hingekit.drift.Wasserstein;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
     * @param correction the multiple-testing correction of the per-class p-values
     * @param alpha significance level
     * @param maxPsi PSI threshold
     * @param maxWasserstein Wasserstein threshold, or NaN for none
     * @param device the device for a model given as {@code current}
     */
    public record Request(Path reference, Path current, String currentSplit, Path dataDir, boolean byClass,
            MultipleTesting correction, double alpha, double maxPsi, double maxWasserstein, Device device) {}

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
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("reference", reference.source());
        report.put("current", current.source());
        report.put("quantity", signed ? "signed_margin" : "gap");
        List<String> reasons = new ArrayList<>();
        Map<String, Object> overall = statistics(values(reference, signed, -1), values(current, signed, -1));
        judge("overall", overall, (double) overall.get("ks_pvalue"), request, reasons);
        report.put("overall", overall);
        if (request.byClass()) {
            report.put("per_class", perClass(reference, current, signed, request, reasons));
            report.put("correction", request.correction().configWord());
        }
        report.put("alpha", request.alpha());
        report.put("max_psi", request.maxPsi());
        if (!Double.isNaN(request.maxWasserstein())) {
            report.put("max_wasserstein", request.maxWasserstein());
        }
        report.put("drift", !reasons.isEmpty());
        report.put("reasons", reasons);
        return report;
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

    private static Map<String, Object> perClass(MarginSample reference, MarginSample current, boolean signed,
            Request request, List<String> reasons) {
        int classes = 1 + Math.max(max(group(reference, signed)), max(group(current, signed)));
        List<Integer> tested = new ArrayList<>();
        List<Map<String, Object>> stats = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            double[] ref = values(reference, signed, c);
            double[] cur = values(current, signed, c);
            if (ref.length > 0 && cur.length > 0) {
                tested.add(c);
                stats.add(statistics(ref, cur));
            }
        }
        double[] p = stats.stream().mapToDouble(s -> (double) s.get("ks_pvalue")).toArray();
        double[] adjusted = request.correction().adjust(p);
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < tested.size(); i++) {
            stats.get(i).put("ks_pvalue_adjusted", adjusted[i]);
            judge("class " + tested.get(i), stats.get(i), adjusted[i], request, reasons);
            out.put(String.valueOf(tested.get(i)), stats.get(i));
        }
        return out;
    }

    private static Map<String, Object> statistics(double[] reference, double[] current) {
        KsResult ks = KolmogorovSmirnov.twoSample(reference, current);
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("reference_count", reference.length);
        stats.put("current_count", current.length);
        stats.put("ks_statistic", ks.statistic());
        stats.put("ks_pvalue", ks.pValue());
        stats.put("ks_method", ks.method().name().toLowerCase(Locale.ROOT));
        stats.put("wasserstein", Wasserstein.distance(reference, current));
        stats.put("psi", PopulationStabilityIndex.of(reference, current));
        return stats;
    }

    private static void judge(String what, Map<String, Object> stats, double p, Request request,
            List<String> reasons) {
        if (p < request.alpha()) {
            reasons.add(what + ": KS p-value " + p + " < alpha " + request.alpha());
        }
        double psi = (double) stats.get("psi");
        if (psi > request.maxPsi()) {
            reasons.add(what + ": PSI " + psi + " > " + request.maxPsi());
        }
        double w = (double) stats.get("wasserstein");
        if (!Double.isNaN(request.maxWasserstein()) && w > request.maxWasserstein()) {
            reasons.add(what + ": Wasserstein " + w + " > " + request.maxWasserstein());
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
