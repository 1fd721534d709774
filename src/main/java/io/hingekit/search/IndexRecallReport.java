package io.hingekit.search;

/**
 * How well an exported HNSW index retrieves: recall against exact search, label precision and query latency.
 * Queries are indexed items searched by their stored vector, with the item itself left out of its results.
 *
 * @param count items in the index
 * @param dimension vector dimension
 * @param similarity the index's Lucene similarity
 * @param k neighbours per query
 * @param queries number of queries
 * @param candidates graph candidates each HNSW search explored
 * @param recallAtK mean fraction of the exact {@code k} nearest neighbours that HNSW returned
 * @param precisionAtK mean fraction of the HNSW neighbours sharing the query's label
 * @param exactPrecisionAtK the same for the exact neighbours (the ceiling HNSW approximates)
 * @param medianLatencyMillis median HNSW query latency
 * @param p99LatencyMillis 99th percentile HNSW query latency (nearest rank)
 * @param exactSeconds wall time of the exact (brute-force) search of all queries
 */
public record IndexRecallReport(
        int count,
        int dimension,
        String similarity,
        int k,
        int queries,
        int candidates,
        double recallAtK,
        double precisionAtK,
        double exactPrecisionAtK,
        double medianLatencyMillis,
        double p99LatencyMillis,
        double exactSeconds) {}
