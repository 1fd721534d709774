package io.hingekit.cli;

import io.hingekit.lifecycle.CalibrationService;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hingekit calibrate}: Platt calibration of a classifier's scores, fitted on its validation split. */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = "Fit Platt calibrators on the validation scores (one per class, one-vs-rest), save"
                + " calibration.json and reliability.png, report ECE and Brier on the test split before and after.")
public final class CalibrateCommand implements Callable<Integer> {

    @Mixin
    private ModelOptions run;

    @Option(names = "--method", defaultValue = "platt", description = "calibration method: platt (the only one)")
    private String method;

    @Option(names = "--json", description = "print JSON")
    private boolean json;

    @Spec
    private CommandSpec spec;

    /** Creates the command; picocli fills in the options. */
    public CalibrateCommand() {}

    @Override
    public Integer call() throws Exception {
        if (!method.equals("platt")) {
            throw new IllegalArgumentException("--method must be platt, got '" + method + "'");
        }
        CalibrationService.Result r = new CalibrationService().calibrate(run.model, run.data, run.device());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(JsonOutput.render(r));
        } else {
            out.printf("Platt calibration fitted on %d validation samples -> %s%n", r.validationSamples(),
                    r.calibration());
            out.printf("test split (%d samples), 15-bin top-label ECE: %.4f before, %.4f after%n", r.testSamples(),
                    r.eceBefore(), r.eceAfter());
            out.printf("multi-class Brier score (0 best, 2 worst): %.4f before, %.4f after%n", r.brierBefore(),
                    r.brierAfter());
            out.printf("reliability diagram: %s (before = softmax of the raw scores)%n", r.diagram());
        }
        out.flush();
        return 0;
    }
}
