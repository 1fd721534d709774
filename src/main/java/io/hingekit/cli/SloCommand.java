package io.hingekit.cli;

import io.hingekit.config.RunConfigs;
import io.hingekit.model.ModelDirectory;
import io.hingekit.slo.SloAssets;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hingekit slo}: writes Prometheus rules and Grafana dashboards for a served model's margin SLOs. */
@Command(name = "slo", mixinStandardHelpOptions = true,
        description = "Write Prometheus recording and multi-window burn-rate alert rules and three Grafana"
                + " dashboards for the margin SLOs of a model served by hingekit serve.")
public final class SloCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, description = "model directory (its name labels the metrics)")
    private Path model;

    @Option(names = "--objective", defaultValue = "0.95",
            description = "share of labelled predictions without a margin violation (default: ${DEFAULT-VALUE})")
    private double objective;

    @Option(names = "--inside-margin-objective",
            description = "share of predictions outside the margin, label-free (default: --objective)")
    private Double insideObjective;

    @Option(names = "--out", defaultValue = "deploy", description = "output directory (default: ${DEFAULT-VALUE})")
    private Path out;

    @Spec
    private CommandSpec spec;

    /** Creates the command; picocli fills in the options. */
    public SloCommand() {}

    @Override
    public Integer call() throws Exception {
        String name = RunConfigs.read(new ModelDirectory(model).requireTrained().config()).name();
        SloAssets assets = new SloAssets(name, objective, insideObjective == null ? objective : insideObjective);
        PrintWriter console = spec.commandLine().getOut();
        for (Path file : assets.write(out)) {
            console.println("wrote " + file);
        }
        console.println("check: promtool check rules " + out.resolve(SloAssets.RULES));
        console.flush();
        return 0;
    }
}
