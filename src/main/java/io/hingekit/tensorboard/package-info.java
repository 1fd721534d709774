/** TensorBoard event files written and read from Java: records, events, summaries and a training listener. */
package io.hingekit.tensorboard;
