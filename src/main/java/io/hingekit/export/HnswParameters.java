package io.hingekit.export;

/**
 * How a Lucene export's HNSW graph was built and is searched, as recorded in the manifest.
 *
 * @param maxConnections neighbours per graph node ({@code maxConn})
 * @param beamWidth candidates considered while inserting a node ({@code beamWidth})
 * @param similarity the Lucene vector similarity of the field, for example {@code COSINE}
 * @param vectorField name of the vector field
 * @param idField name of the item-id field (indexed as a point, doc value and stored)
 * @param labelField name of the label field (indexed as a point, doc value and stored)
 */
public record HnswParameters(
        int maxConnections,
        int beamWidth,
        String similarity,
        String vectorField,
        String idField,
        String labelField) {}
