/**
 * Hingekit's batch commands as Apache Spark jobs: {@code score}, {@code export}, {@code report} and {@code drift}
 * over tables of any size, embedded ({@code local[*]}) or on a cluster ({@code spark-submit --class
 * io.hingekit.cli.Main <jar> spark <job>}).
 *
 * <p>Guide: {@link io.hingekit.spark.SparkJobs} is the picocli entry point (the cli's {@code spark} command and
 * {@code spark-submit} both land there). Each job validates on the driver first (model readable and of the right
 * kind, columns present and typed), then runs one Spark job whose tasks score partitions in batches with the
 * single-machine code ({@link io.hingekit.inference.Scorer}, {@link io.hingekit.inference.ModelInputs},
 * {@link io.hingekit.metrics.MarginAccumulator#summarize}); {@link io.hingekit.spark.LoadedModels} loads a model once
 * per executor JVM from a copy of its directory read through Hadoop's FileSystem. Output goes to a hidden staging
 * sibling and is renamed to the final path on the driver after the job succeeded ({@link
 * io.hingekit.spark.StagedOutput}), so a failed or killed job leaves nothing under the final path. {@code drift} needs
 * no model on the executors: {@link io.hingekit.spark.MergedCdfs} computes its statistics exactly from a distributed
 * sort, with the {@code drift} package's functions, and {@link io.hingekit.lifecycle.DriftService#report} assembles
 * the verdict as {@code drift} does.
 *
 * <p>Spark is a {@code provided} dependency: nothing outside this package references Spark, and only
 * {@code cli.SparkCommand} calls into it, so the single-machine classpath ({@code target/lib}) runs without it.
 */
package io.hingekit.spark;
