package io.hingekit.cli;

import io.hingekit.lifecycle.ReportService;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hingekit report}: the margin report of a classifier on a split of its data. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Margin report of a classifier on a split: hinge loss, violation and tail rates, per class,"
                + " quantiles, support vectors, confusion matrix and a histogram of the signed margins.")
public final class ReportCommand implements Callable<Integer> {

    @Mixin
    private ModelOptions run;

    @Option(names = "--split", defaultValue = "test", description = "train, validation or test (default: ${DEFAULT-VALUE})")
    private String split;

    @Option(names = "--scores", description = "report on a labelled file written by score instead of a split")
    private Path scores;

    @Option(names = "--json", description = "print JSON")
    private boolean json;

    @Spec
    private CommandSpec spec;

    /** Creates the command; picocli fills in the options. */
    public ReportCommand() {}

    @Override
    public Integer call() throws Exception {
        ReportService service = new ReportService();
        ReportService.Result result = scores != null ? service.reportOfScores(run.model, scores)
                : service.report(run.model, split, run.data, run.device());
        Double gap = result.train() == null ? null : result.report().meanLoss() - result.train().meanLoss();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("model", run.model.toString());
            map.put("split", result.split());
            map.putAll(result.report().toMap(result.classNames()));
            if (gap != null) {
                map.put("train_validation_gap", gap);
            }
            out.println(JsonOutput.render(map));
        } else {
            out.print(MarginReportText.render("margin report of " + run.model + " on " + result.split(), result.report(),
                    result.classNames(), gap));
        }
        out.flush();
        return 0;
    }
}
