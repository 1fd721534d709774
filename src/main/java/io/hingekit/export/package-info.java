/** Embedding export for vector search (fvecs, npy, JSONL, Lucene HNSW, projector) and retrieval evaluation. */
package io.hingekit.export;
