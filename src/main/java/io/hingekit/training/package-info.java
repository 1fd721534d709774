/** The training run: configuration, loop, optimizers with saved state, checkpoints, early stopping and listeners. */
package io.hingekit.training;
