package io.hingekit.spark;

import picocli.CommandLine.Command;

/**
 * The Spark jobs as one picocli command ({@code hingekit spark <job>}; on a cluster {@code spark-submit --class
 * io.hingekit.cli.Main <jar> spark <job> ...}): {@code score}, {@code export}, {@code report} and {@code drift}.
 */
@Command(name = "hingekit spark", mixinStandardHelpOptions = true,
        description = "Hingekit's batch commands as Apache Spark jobs (local[*] by default, or --master).",
        subcommands = {ScoreJob.class, ExportJob.class, ReportJob.class, DriftJob.class})
public final class SparkJobs {

    /** Creates the command; picocli runs its sub-commands. */
    public SparkJobs() {}
}
