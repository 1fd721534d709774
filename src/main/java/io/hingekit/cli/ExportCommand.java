package io.hingekit.cli;

import ai.djl.training.util.ProgressBar;
import io.hingekit.export.ExportFormat;
import io.hingekit.export.ExportOptions;
import io.hingekit.export.ExportResult;
import io.hingekit.export.ExportService;
import io.hingekit.inference.EmbeddingRequest;
import io.hingekit.inference.EmbeddingSource;
import io.hingekit.inference.EmbeddingSourceFactory;
import io.hingekit.inference.ModelEmbeddingSource;
import io.hingekit.search.IndexRecallEvaluator;
import io.hingekit.search.IndexRecallReport;
import io.hingekit.search.LuceneIndexSearcher;
import io.hingekit.util.Checks;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code export} command: embeds a dataset split with a trained model and writes the vectors in one format.
 * The embeddings come from the {@link EmbeddingSourceFactory} given to the constructor.
 */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = "Embeds a dataset split with a trained model and exports the vectors for vector search"
                + " (fvecs, npy, jsonl, lucene, projector).")
public final class ExportCommand implements Callable<Integer> {

    private final EmbeddingSourceFactory factory;

    @Spec
    private CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "<dir>", description = "Trained model directory.")
    private Path model;

    @Option(names = {"--data", "--data-dir"}, paramLabel = "<dir>",
            description = "Dataset directory (default: the dataset of the model's configuration).")
    private Path data;

    @Option(names = "--split", defaultValue = EmbeddingRequest.DEFAULT_SPLIT, description = "Split to embed (default: ${DEFAULT-VALUE}).")
    private String split;

    @Option(names = "--format", required = true, converter = FormatConverter.class, paramLabel = "<format>",
            description = "fvecs, npy, jsonl, lucene or projector.")
    private ExportFormat format;

    @Option(names = "--out", required = true, paramLabel = "<dir>", description = "Export directory to create.")
    private Path out;

    @Option(names = "--batch-size", defaultValue = "" + EmbeddingRequest.DEFAULT_BATCH_SIZE,
            description = "Rows per inference batch (default: ${DEFAULT-VALUE}).")
    private int batchSize;

    @Option(names = "--device", paramLabel = "<device>", description = "auto, cpu, gpu or gpu:N (default: auto).")
    private String device;

    @Option(names = "--overwrite", description = "Replace an existing non-empty --out once the export succeeded.")
    private boolean overwrite;

    @Option(names = "--max-connections", defaultValue = "" + ExportOptions.DEFAULT_MAX_CONNECTIONS,
            description = "HNSW neighbours per node, lucene only (default: ${DEFAULT-VALUE}).")
    private int maxConnections;

    @Option(names = "--beam-width", defaultValue = "" + ExportOptions.DEFAULT_BEAM_WIDTH,
            description = "HNSW construction beam width, lucene only (default: ${DEFAULT-VALUE}).")
    private int beamWidth;

    @Option(names = "--evaluate", description = "After a lucene export, measure recall@10 against exact search.")
    private boolean evaluate;

    /** Creates the command over trained Hingekit models ({@link ModelEmbeddingSource}). */
    public ExportCommand() {
        this(ModelEmbeddingSource::open);
    }

    /**
     * Creates the command over a model implementation.
     *
     * @param factory opens the embeddings of a trained model
     */
    public ExportCommand(EmbeddingSourceFactory factory) {
        this.factory = factory;
    }

    @Override
    public Integer call() throws IOException {
        if (evaluate && format != ExportFormat.LUCENE) {
            throw new IllegalArgumentException("--evaluate needs --format lucene, got --format " + format.id());
        }
        Checks.check(batchSize >= 1, "--batch-size", "positive", batchSize);
        ExportOptions options = ExportOptions.builder()
                .format(format).out(out).overwrite(overwrite)
                .maxConnections(maxConnections).beamWidth(beamWidth)
                .progress(new ProgressBar())
                .build();
        ExportResult result;
        try (EmbeddingSource source = factory.open(new EmbeddingRequest(model, data, split, batchSize, device))) {
            result = new ExportService().export(source, options);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf("Exported %d embeddings (dimension %d) as %s to %s in %.1f s (%.0f items/s)%n",
                result.count(), result.manifest().dimension(), format.id(), result.directory(), result.seconds(),
                result.itemsPerSecond());
        result.manifest().notes().forEach(note -> stdout.println("note: " + note));
        if (evaluate) {
            stdout.println(EvaluateRetrievalCommand.describe(result.directory(), evaluate(result.directory())));
        }
        stdout.flush();
        return 0;
    }

    private static IndexRecallReport evaluate(Path directory) throws IOException {
        try (LuceneIndexSearcher searcher = LuceneIndexSearcher.open(directory)) {
            return IndexRecallEvaluator.builder().build().evaluate(searcher);
        }
    }

    /** Converts {@code --format} names case-insensitively. */
    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<ExportFormat> {
        @Override
        public ExportFormat convert(String value) {
            return ExportFormat.fromName(value);
        }
    }
}
