/** Hinge (margin) losses as DJL {@link ai.djl.training.loss.Loss} subclasses: binary, multi-class and auxiliary. */
package io.hingekit.loss;
