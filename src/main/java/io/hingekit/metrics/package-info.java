/** Margin health and retrieval metrics computed with NDArray operations on the device. */
package io.hingekit.metrics;
