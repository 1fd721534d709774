package io.hingekit.spark;

import io.hingekit.util.Checks;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** Opens the Spark session of a job: the given master, else spark-submit's, else {@code local[*]}. */
final class Sessions {

    private Sessions() {}

    static SparkSession open(String job, SparkOptions options) {
        Checks.check(options.batchSize >= 1, "--batch-size", "positive", options.batchSize);
        SparkConf conf = new SparkConf().setAppName("hingekit-" + job);
        if (options.master != null) {
            conf.setMaster(options.master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        if (conf.get("spark.master").startsWith("local")) {
            conf.setIfMissing("spark.ui.enabled", "false");
        }
        options.conf.forEach(conf::set);
        return SparkSession.builder().config(conf).getOrCreate();
    }
}
