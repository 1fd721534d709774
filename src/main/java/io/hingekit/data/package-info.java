/** Datasets (Fashion-MNIST, CSV, synthetic blobs), validation splits and batch samplers. */
package io.hingekit.data;
