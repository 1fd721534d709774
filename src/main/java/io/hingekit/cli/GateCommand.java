package io.hingekit.cli;

import io.hingekit.lifecycle.GateService;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hingekit gate}: re-checks a saved model against its gate, and optionally against a baseline model. */
@Command(name = "gate", mixinStandardHelpOptions = true,
        description = "Check a model's margin report against its config's gate section and/or a baseline model on"
                + " the same data. Exit code " + Main.EXIT_REJECTED + " when rejected, 0 when accepted.")
public final class GateCommand implements Callable<Integer> {

    @Mixin
    private ModelOptions run;

    @Option(names = "--split", defaultValue = "validation", description = "split to check (default: ${DEFAULT-VALUE})")
    private String split;

    @Option(names = "--baseline", description = "a model the candidate may not be worse than")
    private Path baseline;

    @Option(names = "--tolerance", defaultValue = "0.005",
            description = "absolute tolerance of the baseline checks (default: ${DEFAULT-VALUE})")
    private double tolerance;

    @Option(names = "--relative-tolerance", defaultValue = "0",
            description = "relative tolerance of the baseline checks, added to the absolute one (default: ${DEFAULT-VALUE})")
    private double relativeTolerance;

    @Option(names = "--json", description = "print JSON")
    private boolean json;

    @Spec
    private CommandSpec spec;

    /** Creates the command; picocli fills in the options. */
    public GateCommand() {}

    @Override
    public Integer call() throws Exception {
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("--tolerance must be >= 0, got " + tolerance);
        }
        if (!(relativeTolerance >= 0 && relativeTolerance < 1)) {
            throw new IllegalArgumentException("--relative-tolerance must be in [0, 1), got " + relativeTolerance);
        }
        GateService.Verdict verdict = new GateService().check(run.model, null, split, run.data, baseline, tolerance,
                relativeTolerance, run.device());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(JsonOutput.render(verdict));
        } else {
            print(out, verdict);
        }
        out.flush();
        return verdict.accepted() ? 0 : Main.EXIT_REJECTED;
    }

    static void print(PrintWriter out, GateService.Verdict verdict) {
        out.printf("gate on %s: %s%n", verdict.split(), verdict.verdict().toUpperCase(Locale.ROOT));
        for (GateService.Check c : verdict.checks()) {
            out.printf(Locale.ROOT, "  %-4s %-40s %.4f %s %.4f%n", c.passed() ? "pass" : "FAIL", c.metric(),
                    c.value(), c.rule(), c.threshold());
        }
    }
}
