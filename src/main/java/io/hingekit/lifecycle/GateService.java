package io.hingekit.lifecycle;

import ai.djl.Device;
import io.hingekit.config.GateConfig;
import io.hingekit.config.RunConfigs;
import io.hingekit.files.AtomicFiles;
import io.hingekit.metrics.MarginReport;
import io.hingekit.model.ModelDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The deployment gate: checks a model's margin report against the thresholds of a {@link GateConfig} and,
 * optionally, against a baseline model on the same data (the candidate may be worse than the baseline by at most an
 * absolute tolerance). The verdict lists every check with its metric, value, threshold and result, and is written
 * to {@code gate.json} in the model directory; a failing model is kept but marked rejected.
 */
public final class GateService {

    /**
     * One check.
     *
     * @param metric what was checked, for example {@code validation/violation_rate}
     * @param value the model's value
     * @param rule {@code <=} or {@code >=}
     * @param threshold the threshold
     * @param passed whether the value satisfies the rule
     */
    public record Check(String metric, double value, String rule, double threshold, boolean passed) {

        static Check atMost(String metric, double value, double threshold) {
            return new Check(metric, value, "<=", threshold, value <= threshold);
        }

        static Check atLeast(String metric, double value, double threshold) {
            return new Check(metric, value, ">=", threshold, value >= threshold);
        }
    }

    /**
     * The gate's verdict.
     *
     * @param model the model directory
     * @param split the split checked
     * @param verdict {@code accepted} or {@code rejected}
     * @param checks every check, in order
     */
    public record Verdict(String model, String split, String verdict, List<Check> checks) {

        /** Returns whether every check passed. */
        public boolean accepted() {
            return checks.stream().allMatch(Check::passed);
        }
    }

    /**
     * Checks reports against a gate's thresholds.
     *
     * @param gate the thresholds
     * @param split the name of the checked split
     * @param report the checked split's report
     * @param train the train split's report (for the train-validation gap; may be null when the gate has no gap check)
     * @param classNames the model's class names
     * @return the checks
     */
    public static List<Check> thresholds(GateConfig gate, String split, MarginReport report, MarginReport train,
            List<String> classNames) {
        List<Check> checks = new ArrayList<>();
        if (gate.maxViolationRate() != null) {
            checks.add(Check.atMost(split + "/violation_rate", report.violationRate(), gate.maxViolationRate()));
        }
        if (gate.maxMeanHinge() != null) {
            checks.add(Check.atMost(split + "/loss", report.meanLoss(), gate.maxMeanHinge()));
        }
        if (gate.minAccuracy() != null) {
            checks.add(Check.atLeast(split + "/accuracy", report.accuracy(), gate.minAccuracy()));
        }
        if (gate.maxTrainValidationGap() != null) {
            checks.add(Check.atMost("train_validation_gap", report.meanLoss() - train.meanLoss(),
                    gate.maxTrainValidationGap()));
        }
        if (gate.maxClassViolationRate() != null) {
            gate.maxClassViolationRate().forEach((name, max) -> {
                int c = classIndex(name, classNames);
                checks.add(Check.atMost(split + "/violation_rate/" + classNames.get(c),
                        report.perClassViolationRate()[c], max));
            });
        }
        return checks;
    }

    /**
     * Checks a candidate against a baseline on the same split: violation rate and mean hinge may be higher, and
     * accuracy lower, by at most {@code tolerance} plus {@code relativeTolerance} times the baseline's value.
     *
     * @param split the split
     * @param candidate the candidate's report
     * @param baseline the baseline's report
     * @param tolerance the absolute tolerance
     * @param relativeTolerance the relative tolerance (0.05: 5% of the baseline's value)
     * @return the checks
     */
    public static List<Check> againstBaseline(String split, MarginReport candidate, MarginReport baseline,
            double tolerance, double relativeTolerance) {
        return List.of(
                Check.atMost(split + "/violation_rate vs baseline", candidate.violationRate(),
                        baseline.violationRate() * (1 + relativeTolerance) + tolerance),
                Check.atMost(split + "/loss vs baseline", candidate.meanLoss(),
                        baseline.meanLoss() * (1 + relativeTolerance) + tolerance),
                Check.atLeast(split + "/accuracy vs baseline", candidate.accuracy(),
                        baseline.accuracy() * (1 - relativeTolerance) - tolerance));
    }

    /**
     * Re-checks a saved model on its data (or new data): the gate of its config unless another is given, and a
     * baseline if given.
     *
     * @param model the model directory
     * @param gate the thresholds (null: the model config's gate section; none at all is fine with a baseline)
     * @param split the split to check
     * @param dataDir a Fashion-MNIST directory overriding the config's (may be null)
     * @param baseline a baseline model directory (may be null)
     * @param tolerance absolute tolerance of the baseline checks
     * @param relativeTolerance relative tolerance of the baseline checks
     * @param device the device
     * @return the verdict, also written to {@code gate.json}
     * @throws IOException when files cannot be read or written
     */
    public Verdict check(Path model, GateConfig gate, String split, Path dataDir, Path baseline, double tolerance,
            double relativeTolerance, Device device) throws IOException {
        List<Check> checks = new ArrayList<>();
        GateConfig thresholds = gate != null ? gate
                : RunConfigs.read(new ModelDirectory(model).requireTrained().config()).gate();
        if (thresholds == null && baseline == null) {
            throw new IllegalArgumentException(model + ": nothing to check: its config has no gate section and no"
                    + " --baseline was given");
        }
        MarginReport report;
        try (ModelData data = ModelData.open(model, dataDir, device)) {
            report = data.report(split);
            if (thresholds != null) {
                MarginReport train = thresholds.maxTrainValidationGap() != null ? data.report("train") : null;
                checks.addAll(thresholds(thresholds, split, report, train, data.scorer().classNames()));
            }
        }
        if (baseline != null) {
            try (ModelData data = ModelData.open(baseline, dataDir, device)) {
                checks.addAll(againstBaseline(split, report, data.report(split), tolerance, relativeTolerance));
            }
        }
        return write(model, split, checks);
    }

    /**
     * Writes a verdict to the model directory's {@code gate.json}.
     *
     * @param model the model directory
     * @param split the checked split
     * @param checks the checks
     * @return the verdict
     * @throws IOException when writing fails
     */
    public static Verdict write(Path model, String split, List<Check> checks) throws IOException {
        boolean accepted = checks.stream().allMatch(Check::passed);
        Verdict verdict = new Verdict(model.toString(), split, accepted ? "accepted" : "rejected", checks);
        AtomicFiles.writeJson(new ModelDirectory(model).gate(), verdict);
        return verdict;
    }

    private static int classIndex(String name, List<String> classNames) {
        int index = classNames.indexOf(name);
        if (index < 0 && name.matches("\\d+") && Integer.parseInt(name) < classNames.size()) {
            index = Integer.parseInt(name);
        }
        if (index < 0) {
            throw new IllegalArgumentException("gate.maxClassViolationRate: unknown class '" + name
                    + "' (the model's classes: " + String.join(", ", classNames) + ")");
        }
        return index;
    }
}
