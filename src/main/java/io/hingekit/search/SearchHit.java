package io.hingekit.search;

/**
 * One result of a nearest-neighbour search.
 *
 * @param id the item id
 * @param label the item's label
 * @param score Lucene's similarity score (higher is closer)
 * @param distance the model's distance between the query and the item's stored vector
 */
public record SearchHit(long id, int label, float score, float distance) {}
