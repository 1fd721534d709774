package io.hingekit.spark;

import io.hingekit.metrics.Quantiles;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scala.Tuple2;

/**
 * Exact quantiles of a column by a distributed sort: Spark sorts the column, numbers the sorted rows and returns
 * only the ranks the levels need; the driver interpolates as {@link Quantiles} does (NumPy's default: linear between
 * the two nearest ranks), so the result equals the single-machine figure.
 */
final class ExactQuantiles {

    private ExactQuantiles() {}

    /**
     * Computes the quantiles.
     *
     * @param table the rows
     * @param column a float or double column without nulls
     * @param count the number of rows (at least one)
     * @param levels quantile levels in [0, 1]
     * @return one quantile per level
     */
    static double[] of(Dataset<Row> table, String column, long count, double[] levels) {
        Set<Long> ranks = new TreeSet<>();
        for (double level : levels) {
            ranks.add((long) Math.floor(level * (count - 1)));
            ranks.add((long) Math.ceil(level * (count - 1)));
        }
        Map<Long, Double> picked = table.select(column).orderBy(column).javaRDD().zipWithIndex()
                .filter(pair -> ranks.contains(pair._2()))
                .collect().stream()
                .collect(Collectors.toMap(Tuple2::_2, pair -> ((Number) pair._1().get(0)).doubleValue()));
        double[] out = new double[levels.length];
        for (int i = 0; i < levels.length; i++) {
            double position = levels[i] * (count - 1);
            double low = picked.get((long) Math.floor(position));
            out[i] = low + (picked.get((long) Math.ceil(position)) - low) * (position - Math.floor(position));
        }
        return out;
    }
}
