package io.hingekit.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkExecutorInfo;

/**
 * An output directory written under a hidden staging sibling ({@code .<name>.staging-<uuid>}, which Spark and Hadoop
 * readers skip) and renamed to its final path by the driver once the job succeeded: a failed or killed job leaves
 * nothing under the final path. The final path must not exist unless overwriting was asked for.
 */
final class StagedOutput {

    /** How long a failed job's cancelled tasks may take to stop before the staging directory is removed anyway. */
    private static final long SETTLE_MILLIS = 30_000;

    private final SparkContext context;
    private final FileSystem fs;
    private final Path target;
    private final Path staging;
    private final boolean overwrite;

    private StagedOutput(SparkContext context, FileSystem fs, Path target, boolean overwrite) {
        this.context = context;
        this.fs = fs;
        this.target = target;
        this.overwrite = overwrite;
        this.staging = new Path(target.getParent(), "." + target.getName() + ".staging-" + UUID.randomUUID());
    }

    /**
     * Prepares an output, before any job runs.
     *
     * @param out the final path (Hadoop path)
     * @param context the session's Spark context (its Hadoop configuration; its tasks, waited for on failure)
     * @param overwrite whether an existing final path may be replaced
     * @return the output
     * @throws IllegalArgumentException when the final path exists and overwriting was not asked for
     */
    static StagedOutput prepare(String out, SparkContext context, boolean overwrite) {
        try {
            Path target = new Path(out);
            FileSystem fs = target.getFileSystem(context.hadoopConfiguration());
            target = fs.makeQualified(target);
            if (fs.exists(target) && !overwrite) {
                throw new IllegalArgumentException(out + " exists; pass --overwrite to replace it");
            }
            return new StagedOutput(context, fs, target, overwrite);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the output " + out + ": " + e.getMessage(), e);
        }
    }

    /** Returns the staging path jobs write to. */
    String staging() {
        return staging.toString();
    }

    /** Returns the final path. */
    String target() {
        return target.toString();
    }

    /** Returns the file system of the output. */
    FileSystem fileSystem() {
        return fs;
    }

    /**
     * Runs the writing steps, then moves the staging directory to the final path; on failure removes the staging
     * directory and leaves the final path as it was.
     *
     * @param steps writes everything under {@link #staging()}
     * @throws IOException when the rename fails
     */
    void commit(Steps steps) throws IOException {
        try {
            steps.write();
        } catch (Exception e) { // also the checked exceptions Spark throws undeclared
            awaitRunningTasks();
            fs.delete(staging, true);
            throw e;
        }
        if (overwrite && fs.exists(target)) {
            fs.delete(target, true);
        }
        if (!fs.rename(staging, target)) {
            fs.delete(staging, true);
            throw new IOException("could not rename " + staging + " to " + target);
        }
    }

    /**
     * Waits (bounded) until no task runs: when one task fails, Spark fails the job at once but stops its other tasks
     * asynchronously, and a task still writing would recreate the staging directory after it was removed.
     */
    private void awaitRunningTasks() {
        long deadline = System.currentTimeMillis() + SETTLE_MILLIS;
        while (System.currentTimeMillis() < deadline && runningTasks() > 0) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private int runningTasks() {
        return Arrays.stream(context.statusTracker().getExecutorInfos()).mapToInt(SparkExecutorInfo::numRunningTasks)
                .sum();
    }

    /** What a job writes under the staging path. */
    @FunctionalInterface
    interface Steps {

        /**
         * Writes the output.
         *
         * @throws IOException when writing fails
         */
        void write() throws IOException;
    }
}
