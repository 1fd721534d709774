package io.hingekit.spark;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options every Spark job takes: where Spark runs, extra Spark settings, the executors' device and batch. */
public final class SparkOptions {

    @Option(names = "--master", description = "local[*] (default when spark-submit gave none), local[N],"
            + " spark://host:port, yarn or k8s://...")
    String master;

    @Option(names = "--conf", description = "a Spark setting key=value (repeatable)")
    Map<String, String> conf = new LinkedHashMap<>();

    @Option(names = "--device", defaultValue = "cpu", description = "the executors' device: cpu, gpu, gpu:N or auto"
            + " (default: ${DEFAULT-VALUE})")
    String device;

    @Option(names = "--batch-size", defaultValue = "256", description = "rows per inference batch (default:"
            + " ${DEFAULT-VALUE})")
    int batchSize;

    /** Creates the options; picocli fills them in. */
    public SparkOptions() {}
}
