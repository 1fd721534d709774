/** Distances, triplet miners, reductions and the triplet/contrastive hinge losses that compose them. */
package io.hingekit.mining;
