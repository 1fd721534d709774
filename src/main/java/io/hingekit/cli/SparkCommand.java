package io.hingekit.cli;

import io.hingekit.spark.SparkJobs;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code hingekit spark <job> ...}: hands its arguments to the Spark jobs ({@link SparkJobs}) only when invoked, so
 * that the other commands run on a classpath without Spark (picocli would otherwise resolve the jobs' Spark types
 * when the command tree is built).
 */
@Command(name = "spark",
        description = "Batch jobs on Apache Spark: score, export, report, drift (hingekit spark --help).")
public final class SparkCommand implements Callable<Integer> {

    @Unmatched
    private List<String> args = new ArrayList<>();

    @Spec
    private CommandSpec spec;

    /** Creates the command; picocli collects the arguments. */
    public SparkCommand() {}

    @Override
    public Integer call() {
        try {
            CommandLine jobs = Main.commandLine(new SparkJobs());
            jobs.setOut(spec.commandLine().getOut());
            jobs.setErr(spec.commandLine().getErr());
            return jobs.execute(args.toArray(String[]::new));
        } catch (NoClassDefFoundError e) {
            throw new IllegalStateException("Spark is not on the classpath (" + e.getMessage() + "): run the jobs with"
                    + " ./hingekit spark, which adds target/spark-lib, or with spark-submit", e);
        }
    }
}
