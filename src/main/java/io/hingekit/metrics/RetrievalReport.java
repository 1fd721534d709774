package io.hingekit.metrics;

/**
 * Leave-one-out retrieval quality of an embedding set (each item queried against all others), averaged over the
 * queries whose label has at least one other member; NaN when there is no such query.
 *
 * @param queries number of queries averaged (label has another member)
 * @param skippedQueries number of queries left out (their label has no other member)
 * @param precisionAt1 fraction of queries whose nearest neighbour has their label
 * @param rPrecision mean over queries of (same-label items among the R nearest) / R, R = same-label items
 * @param mapAtR mean over queries of (1/R) * sum over ranks i &lt;= R of precision@i at the same-label ranks (PML)
 * @param recallAt1 fraction of queries with a same-label item among the 1 nearest
 * @param recallAt5 fraction of queries with a same-label item among the 5 nearest
 * @param recallAt10 fraction of queries with a same-label item among the 10 nearest
 * @param knnK the k of the k-NN vote
 * @param knnAccuracy fraction of queries whose k nearest neighbours' majority label is their label
 */
public record RetrievalReport(
        long queries,
        long skippedQueries,
        double precisionAt1,
        double rPrecision,
        double mapAtR,
        double recallAt1,
        double recallAt5,
        double recallAt10,
        int knnK,
        double knnAccuracy) {}
