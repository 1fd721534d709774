package io.hingekit.export;

import ai.djl.util.Progress;
import io.hingekit.inference.EmbeddingBatch;
import io.hingekit.inference.EmbeddingMetadata;
import io.hingekit.inference.EmbeddingSource;
import java.io.IOException;
import java.time.Instant;
import java.util.Iterator;

/**
 * Exports the embeddings of a source in one format: streams the batches into the format's writer inside a
 * temporary directory, writes {@code manifest.json}, then moves the directory into place atomically
 * (see {@link ExportManifest} and the writers for the file layouts).
 */
public final class ExportService {

    private static final String PROGRESS_MESSAGE = "Exporting";
    private static final double NANOS_PER_SECOND = 1e9;

    /**
     * Exports all embeddings of a source; the caller closes the source.
     *
     * @param source the embeddings
     * @param options format, output directory and parameters
     * @return count, wall time, throughput and manifest
     * @throws IllegalArgumentException for a bad output directory or batches that do not fit the source
     * @throws IOException if writing fails
     */
    public ExportResult export(EmbeddingSource source, ExportOptions options) throws IOException {
        ExportDirectory directory = ExportDirectory.prepare(options.out(), options.overwrite());
        long start = System.nanoTime();
        try {
            WriterTarget target = new WriterTarget(
                    directory.temporary(), source.dimension(), source.count(), source.metadata(), options);
            long count;
            FormatDetails details;
            try (EmbeddingWriter writer = options.format().open(target)) {
                count = copy(source, writer, options.progress());
                details = writer.finish();
            }
            double seconds = (System.nanoTime() - start) / NANOS_PER_SECOND;
            ExportManifest manifest = manifest(target, count, seconds, details);
            manifest.write(directory.temporary());
            directory.commit();
            return new ExportResult(directory.target(), count, seconds, count / seconds, manifest);
        } catch (IOException | RuntimeException | Error e) {
            directory.discard(e);
            throw e;
        }
    }

    private static long copy(EmbeddingSource source, EmbeddingWriter writer, Progress progress) throws IOException {
        long total = source.count();
        boolean showProgress = progress != null && total > 0;
        if (showProgress) {
            progress.reset(PROGRESS_MESSAGE, total);
        }
        long start = System.nanoTime();
        long count = 0;
        for (Iterator<EmbeddingBatch> batches = source.batches(); batches.hasNext(); ) {
            EmbeddingBatch batch = batches.next();
            checkBatch(batch, source.dimension(), count);
            if (batch.size() == 0) {
                continue;
            }
            writer.write(batch);
            count += batch.size();
            if (showProgress) {
                double rate = count * NANOS_PER_SECOND / (System.nanoTime() - start);
                progress.update(Math.min(count, total) - 1, String.format("%,.0f items/s", rate));
            }
        }
        if (count == 0) {
            throw new IllegalArgumentException("the source delivered no embeddings; nothing to export");
        }
        return count;
    }

    private static void checkBatch(EmbeddingBatch batch, int dimension, long offset) {
        if (batch.dimension() != dimension) {
            throw new IllegalArgumentException("dimension mismatch: the batch at item " + offset + " has dimension "
                    + batch.dimension() + ", the source declares " + dimension);
        }
        float[] vectors = batch.vectors();
        for (int i = 0; i < vectors.length; i++) {
            if (!Float.isFinite(vectors[i])) {
                throw new IllegalArgumentException("vector of item " + batch.ids()[i / dimension] + " holds "
                        + vectors[i] + " at index " + i % dimension);
            }
        }
    }

    private static ExportManifest manifest(WriterTarget target, long count, double seconds, FormatDetails details) {
        EmbeddingMetadata metadata = target.metadata();
        return new ExportManifest(
                ExportManifest.VERSION,
                target.options().format(),
                Instant.now().toString(),
                metadata.modelDir(),
                metadata.parameterChecksum(),
                metadata.config(),
                metadata.source(),
                count,
                target.dimension(),
                metadata.distance(),
                metadata.normalized(),
                metadata.labelNames(),
                seconds,
                details.files(),
                details.hnsw(),
                details.sprite(),
                details.notes());
    }
}
