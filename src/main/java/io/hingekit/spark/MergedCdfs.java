package io.hingekit.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;

import io.hingekit.drift.CompensatedSum;
import io.hingekit.drift.KolmogorovSmirnov;
import io.hingekit.drift.PopulationStabilityIndex;
import io.hingekit.lifecycle.DriftService;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * The drift statistics of many groups (overall and per class) computed exactly from the two samples' merged sorted
 * order, over any number of rows.
 *
 * <p>Method: the tagged values are counted per distinct (group, value) and sorted by Spark (a range-partitioned
 * distributed sort; each distinct value is one row, so ties never straddle partitions). A first pass totals each
 * group's counts per partition; the driver turns them into per-partition starting counts (a prefix sum over the
 * partitions in order) and tells each partition the first value of its successor. A second pass walks each partition
 * with those starts: at every distinct value t the CDF difference {@code F_ref(t) - F_cur(t)} from the cumulative
 * counts (both counting ties as {@code <=}, as {@code ks_2samp} does), its extremes (KS D), the Wasserstein integral
 * of {@code |F_ref - F_cur|} between t and the next distinct value (compensated sums, combined across partitions on
 * the driver), and the reference values at the ranks the PSI bin edges need. A third pass counts both samples per PSI
 * bin. D, its p-value, the PSI and the Wasserstein distance then come from the {@code drift} package's own functions,
 * so they equal the single-machine figures (D exactly; the Wasserstein sum up to the order of its partial sums).
 */
final class MergedCdfs {

    private static final PopulationStabilityIndex PSI = PopulationStabilityIndex.builder().build();

    private MergedCdfs() {}

    /**
     * Computes the statistics of each group that both samples reach.
     *
     * @param tagged rows of {@code group} (int), {@code value} (finite double), {@code ref} and {@code cur} (long
     *     counts, 1 and 0 for a reference row, 0 and 1 for a current one)
     * @return the {@link DriftService#statistics} of each group with values on both sides, by group
     */
    static SortedMap<Integer, Map<String, Object>> statistics(Dataset<Row> tagged) {
        JavaRDD<Row> sorted = tagged.groupBy("group", "value").agg(sum("ref").as("ref"), sum("cur").as("cur"))
                .orderBy(col("group"), col("value")).javaRDD().persist(StorageLevel.MEMORY_AND_DISK());
        try {
            List<Span> spans = sorted.mapPartitionsWithIndex(MergedCdfs::spans, true).collect();
            Map<Integer, Map<Integer, Start>> starts = starts(spans);
            List<Walk> walks = sorted.mapPartitionsWithIndex((partition, rows) -> walk(rows,
                    starts.getOrDefault(partition, Map.of())), true).collect();
            Map<Integer, double[]> boundaries = boundaries(spans, walks);
            List<Map<Integer, long[][]>> bins = sorted.mapPartitions(rows -> List.of(bins(rows, boundaries))
                    .iterator()).collect();
            return combine(spans, walks, bins);
        } finally {
            sorted.unpersist(false);
        }
    }

    /** A group's rows in one partition: first and last value, and the counts of each side. */
    record Span(int partition, int group, double first, double last, long ref, long cur) implements Serializable {}

    /** Where a group's walk starts in a partition: the counts before it, the totals, what follows, ranks to fetch. */
    record Start(long refBefore, long curBefore, long n1, long n2, double next, long[] ranks) implements Serializable {}

    /** A group's walk over one partition. */
    record Walk(int group, double maxDifference, double minDifference, double wasserstein, Map<Long, Double> ranked)
            implements Serializable {}

    private static Iterator<Span> spans(int partition, Iterator<Row> rows) {
        List<Span> spans = new ArrayList<>();
        Span open = null;
        while (rows.hasNext()) {
            Row row = rows.next();
            int group = row.getInt(0);
            double value = row.getDouble(1);
            if (open != null && open.group() == group) {
                open = new Span(partition, group, open.first(), value, open.ref() + row.getLong(2),
                        open.cur() + row.getLong(3));
            } else {
                if (open != null) {
                    spans.add(open);
                }
                open = new Span(partition, group, value, value, row.getLong(2), row.getLong(3));
            }
        }
        if (open != null) {
            spans.add(open);
        }
        return spans.iterator();
    }

    /** The prefix sums over the partitions in order, per group (spans arrive in partition order). */
    private static Map<Integer, Map<Integer, Start>> starts(List<Span> spans) {
        Map<Integer, long[]> totals = totals(spans);
        Map<Integer, long[]> before = new HashMap<>();
        Map<Integer, Map<Integer, Start>> starts = new HashMap<>();
        for (int s = 0; s < spans.size(); s++) {
            Span span = spans.get(s);
            long[] total = totals.get(span.group());
            long[] seen = before.computeIfAbsent(span.group(), g -> new long[2]);
            double next = Double.NaN;
            for (int t = s + 1; t < spans.size() && Double.isNaN(next); t++) {
                next = spans.get(t).group() == span.group() ? spans.get(t).first() : next;
            }
            long[] ranks = total[0] > 0 ? PSI.boundaryRanks(total[0]).stream()
                    .filter(r -> r >= seen[0] && r < seen[0] + span.ref()).mapToLong(Long::longValue).toArray()
                    : new long[0];
            starts.computeIfAbsent(span.partition(), p -> new HashMap<>()).put(span.group(),
                    new Start(seen[0], seen[1], total[0], total[1], next, ranks));
            seen[0] += span.ref();
            seen[1] += span.cur();
        }
        return starts;
    }

    private static Map<Integer, long[]> totals(List<Span> spans) {
        Map<Integer, long[]> totals = new TreeMap<>();
        for (Span span : spans) {
            long[] total = totals.computeIfAbsent(span.group(), g -> new long[2]);
            total[0] += span.ref();
            total[1] += span.cur();
        }
        return totals;
    }

    private static Iterator<Walk> walk(Iterator<Row> rows, Map<Integer, Start> starts) {
        List<Walk> walks = new ArrayList<>();
        Walker walker = null;
        while (rows.hasNext()) {
            Row row = rows.next();
            int group = row.getInt(0);
            if (walker == null || walker.group != group) {
                if (walker != null) {
                    walks.add(walker.finish());
                }
                walker = new Walker(group, starts.get(group));
            }
            walker.step(row.getDouble(1), row.getLong(2), row.getLong(3));
        }
        if (walker != null) {
            walks.add(walker.finish());
        }
        return walks.iterator();
    }

    /** Walks one group's distinct values in one partition. */
    private static final class Walker {

        private final int group;
        private final Start start;
        private final boolean tested;
        private final Map<Long, Double> ranked = new HashMap<>();
        private final CompensatedSum wasserstein = new CompensatedSum();
        private long i;
        private long j;
        private double maxDifference = Double.NEGATIVE_INFINITY;
        private double minDifference = Double.POSITIVE_INFINITY;
        private double previous = Double.NaN;
        private double previousGap;

        Walker(int group, Start start) {
            this.group = group;
            this.start = start;
            this.tested = start.n1() > 0 && start.n2() > 0;
            this.i = start.refBefore();
            this.j = start.curBefore();
        }

        void step(double value, long ref, long cur) {
            for (long rank : start.ranks()) {
                if (rank >= i && rank < i + ref) {
                    ranked.put(rank, value);
                }
            }
            i += ref;
            j += cur;
            if (!tested) {
                return;
            }
            if (!Double.isNaN(previous)) {
                wasserstein.add(previousGap * (value - previous));
            }
            double difference = (double) i / start.n1() - (double) j / start.n2();
            maxDifference = Math.max(maxDifference, difference);
            minDifference = Math.min(minDifference, difference);
            previous = value;
            previousGap = Math.abs(difference);
        }

        Walk finish() {
            if (tested && !Double.isNaN(start.next())) {
                wasserstein.add(previousGap * (start.next() - previous));
            }
            return new Walk(group, maxDifference, minDifference, wasserstein.value(), ranked);
        }
    }

    private static Map<Integer, double[]> boundaries(List<Span> spans, List<Walk> walks) {
        Map<Integer, Map<Long, Double>> ranked = new HashMap<>();
        for (Walk walk : walks) {
            ranked.computeIfAbsent(walk.group(), g -> new HashMap<>()).putAll(walk.ranked());
        }
        Map<Integer, double[]> boundaries = new HashMap<>();
        totals(spans).forEach((group, total) -> {
            if (total[0] > 0 && total[1] > 0) {
                Map<Long, Double> values = ranked.get(group);
                boundaries.put(group, PSI.boundaries(total[0], values::get));
            }
        });
        return boundaries;
    }

    private static Map<Integer, long[][]> bins(Iterator<Row> rows, Map<Integer, double[]> boundaries) {
        Map<Integer, long[][]> counts = new HashMap<>();
        while (rows.hasNext()) {
            Row row = rows.next();
            double[] edges = boundaries.get(row.getInt(0));
            if (edges != null) {
                long[][] count = counts.computeIfAbsent(row.getInt(0), g -> new long[2][edges.length + 1]);
                int bin = PopulationStabilityIndex.bin(edges, row.getDouble(1));
                count[0][bin] += row.getLong(2);
                count[1][bin] += row.getLong(3);
            }
        }
        return counts;
    }

    private static SortedMap<Integer, Map<String, Object>> combine(List<Span> spans, List<Walk> walks,
            List<Map<Integer, long[][]>> bins) {
        SortedMap<Integer, Map<String, Object>> statistics = new TreeMap<>();
        totals(spans).forEach((group, total) -> {
            if (total[0] == 0 || total[1] == 0) {
                return;
            }
            double max = Double.NEGATIVE_INFINITY;
            double min = Double.POSITIVE_INFINITY;
            CompensatedSum wasserstein = new CompensatedSum();
            for (Walk walk : walks) {
                if (walk.group() == group) {
                    max = Math.max(max, walk.maxDifference());
                    min = Math.min(min, walk.minDifference());
                    wasserstein.add(walk.wasserstein());
                }
            }
            long[][] counts = null;
            for (Map<Integer, long[][]> partition : bins) {
                long[][] part = partition.get(group);
                if (part != null && counts == null) {
                    counts = new long[2][part[0].length];
                }
                for (int side = 0; part != null && side < 2; side++) {
                    for (int b = 0; b < part[side].length; b++) {
                        counts[side][b] += part[side][b];
                    }
                }
            }
            statistics.put(group, DriftService.statistics(total[0], total[1],
                    KolmogorovSmirnov.test(KolmogorovSmirnov.statistic(max, min), total[0], total[1]),
                    wasserstein.value(), PSI.fromCounts(counts[0], counts[1])));
        });
        return statistics;
    }
}
