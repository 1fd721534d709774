package io.hingekit.cli;

import io.hingekit.tensorboard.RunInspector;
import io.hingekit.tensorboard.RunSummary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The {@code inspect} command: summarises a run directory's TensorBoard event files as text or JSON. */
@Command(
        name = "inspect",
        mixinStandardHelpOptions = true,
        description = "Summarise the TensorBoard event files of a run directory: tags, counts, last values.",
        footer = "Exit codes: 0 all records read, " + Main.EXIT_DAMAGED + " a corrupt or truncated record was found "
                + "(the summary is still printed), " + Main.EXIT_BAD_INPUT + " not a run directory.")
public final class InspectCommand implements Callable<Integer> {

    @Parameters(
            index = "0",
            paramLabel = "<rundir>",
            description = "Run log directory holding events.out.tfevents.* files.")
    private Path runDir;

    @Option(names = "--json", description = "Print a machine-readable JSON summary.")
    private boolean json;

    @Spec
    private CommandSpec spec;

    /** Creates the command; picocli fills in the arguments. */
    public InspectCommand() {}

    @Override
    public Integer call() throws IOException {
        RunSummary summary = new RunInspector().inspect(runDir);
        spec.commandLine().getOut().print(json ? RunInspector.toJson(summary) + System.lineSeparator()
                : RunInspector.toText(summary));
        spec.commandLine().getOut().flush();
        if (summary.problems().isEmpty()) {
            return 0;
        }
        spec.commandLine().getErr().println(spec.qualifiedName() + ": error: " + runDir + " has "
                + summary.problems().size() + " corrupt or truncated record(s): "
                + String.join("; ", summary.problems()));
        spec.commandLine().getErr().flush();
        return Main.EXIT_DAMAGED;
    }
}
