package io.hingekit.cli;

import io.hingekit.config.DriftConfig;
import io.hingekit.lifecycle.DriftService;
import io.hingekit.model.DeviceSelector;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hingekit drift}: compares two margin distributions; the exit code says drift or no drift. */
@Command(name = "drift", mixinStandardHelpOptions = true,
        description = "Compare margin distributions (KS test, Wasserstein, PSI; per class with a multiple-testing"
                + " correction). Exit code " + Main.EXIT_DRIFT + " when drift is found, 0 when not.")
public final class DriftCommand implements Callable<Integer> {

    @Option(names = "--reference", required = true,
            description = "a model directory (its saved validation margins) or a file written by score")
    private Path reference;

    @Option(names = "--current", required = true,
            description = "a file written by score, or a model directory whose --current-split is scored")
    private Path current;

    @Option(names = "--current-split", defaultValue = "test", description = "split of a model given as --current")
    private String currentSplit;

    @Option(names = "--data", description = "Fashion-MNIST directory for a model given as --current")
    private Path data;

    @Option(names = "--by-class", description = "test each class too")
    private boolean byClass;

    @Option(names = "--correction", description = "per-class p-value correction: none, bonferroni (default),"
            + " benjamini-hochberg")
    private String correction;

    @Option(names = "--alpha", description = "KS significance level (default 0.01)")
    private Double alpha;

    @Option(names = "--max-psi", description = "PSI threshold (default 0.2)")
    private Double maxPsi;

    @Option(names = "--max-wasserstein", description = "Wasserstein threshold (default: none)")
    private Double maxWasserstein;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu, gpu or gpu:N")
    private String device;

    @Option(names = "--json", description = "print JSON")
    private boolean json;

    @Spec
    private CommandSpec spec;

    /** Creates the command; picocli fills in the options. */
    public DriftCommand() {}

    @Override
    public Integer call() throws Exception {
        if (alpha != null && !(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("--alpha must be in (0, 1), got " + alpha);
        }
        if (maxPsi != null && !(maxPsi >= 0)) {
            throw new IllegalArgumentException("--max-psi must be >= 0, got " + maxPsi);
        }
        DriftConfig thresholds = DriftService.savedThresholds(reference).overriddenBy(alpha, maxPsi, maxWasserstein,
                correction, byClass);
        Map<String, Object> report = new DriftService().compare(new DriftService.Request(reference, current,
                currentSplit, data, thresholds.byClass(), DriftService.Thresholds.of(thresholds),
                DeviceSelector.resolve(device)[0]));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(JsonOutput.render(report));
        } else {
            print(out, report);
        }
        out.flush();
        return Boolean.TRUE.equals(report.get("drift")) ? Main.EXIT_DRIFT : 0;
    }

    @SuppressWarnings("unchecked")
    private static void print(PrintWriter out, Map<String, Object> report) {
        out.printf("comparing %s of %s (reference) and %s (current)%n", report.get("quantity"),
                report.get("reference"), report.get("current"));
        out.printf("  %-10s %8s %8s %10s %12s %12s %10s%n", "", "n ref", "n cur", "KS D", "KS p", "Wasserstein",
                "PSI");
        row(out, "overall", (Map<String, Object>) report.get("overall"));
        if (report.containsKey("per_class")) {
            ((Map<String, Map<String, Object>>) report.get("per_class")).forEach((c, stats) -> row(out, "class " + c,
                    stats));
            out.printf("  per-class p-values corrected by %s (shown adjusted)%n", report.get("correction"));
        }
        List<String> reasons = (List<String>) report.get("reasons");
        out.println(reasons.isEmpty() ? "no drift" : "DRIFT: " + String.join("; ", reasons));
    }

    private static void row(PrintWriter out, String name, Map<String, Object> s) {
        Object p = s.getOrDefault("ks_pvalue_adjusted", s.get("ks_pvalue"));
        out.printf(Locale.ROOT, "  %-10s %8d %8d %10.4f %12.4g %12.4f %10.4f%n", name, s.get("reference_count"),
                s.get("current_count"), s.get("ks_statistic"), p, s.get("wasserstein"), s.get("psi"));
    }
}
