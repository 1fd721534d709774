/**
 * The data a run trains and is judged on: sources (real Fashion-MNIST from local IDX files,
 * {@link io.hingekit.data.FashionMnistSource}; CSV, {@link io.hingekit.data.CsvSource}; seeded Gaussian blobs,
 * {@link io.hingekit.data.BlobsSource}), loaded by {@link io.hingekit.data.DatasetLoader} into
 * {@link io.hingekit.data.DataSplits} of {@link io.hingekit.data.LabeledData} (train, a seeded validation split,
 * test), and the batch samplers. Non-finite features are rejected at loading ({@link io.hingekit.data.FiniteCheck}).
 *
 * <p>Samplers are DJL {@link ai.djl.training.dataset.Sampler}s whose order depends only on the seed and the epoch
 * ({@link io.hingekit.data.EpochAware}), so a resumed run sees the batches an uninterrupted one would:
 * {@link io.hingekit.data.ShuffleSampler} for classifiers, {@link io.hingekit.data.PkSampler} (P classes x K
 * samples) for triplet mining.
 *
 * <pre>{@code
 * DataSplits splits = new DatasetLoader(DatasetLoader.defaultCacheDir()).load(config.data(), null, seed, manager);
 * }</pre>
 *
 * <p><b>Layering:</b> may import util, files, loss, mining, metrics and config.
 */
package io.hingekit.data;
