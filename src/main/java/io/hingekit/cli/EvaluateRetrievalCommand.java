package io.hingekit.cli;

import static io.hingekit.util.Checks.check;

import io.hingekit.search.IndexRecallEvaluator;
import io.hingekit.search.IndexRecallReport;
import io.hingekit.search.LuceneIndexSearcher;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The {@code evaluate-retrieval} command: HNSW recall against exact search, label precision and latency. */
@Command(
        name = "evaluate-retrieval",
        mixinStandardHelpOptions = true,
        description = "Measures recall@k of a Lucene export's HNSW search against exact search, label precision@k"
                + " and query latency, using indexed items as queries.")
public final class EvaluateRetrievalCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--index", required = true, paramLabel = "<dir>",
            description = "Export directory written by 'export --format lucene'.")
    private Path index;

    @Option(names = "-k", defaultValue = "" + IndexRecallEvaluator.DEFAULT_K,
            description = "Neighbours per query (default: ${DEFAULT-VALUE}).")
    private int k;

    @Option(names = "--queries", defaultValue = "" + IndexRecallEvaluator.DEFAULT_QUERIES,
            description = "Indexed items used as queries (default: ${DEFAULT-VALUE}).")
    private int queries;

    @Option(names = "--candidates", defaultValue = "" + LuceneIndexSearcher.DEFAULT_CANDIDATES,
            description = "HNSW graph candidates per search (default: ${DEFAULT-VALUE}).")
    private int candidates;

    @Option(names = "--seed", defaultValue = "" + IndexRecallEvaluator.DEFAULT_SEED,
            description = "Seed of the query sample (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--json", description = "Print the report as JSON.")
    private boolean json;

    @Override
    public Integer call() throws IOException {
        check(k >= 1, "-k", ">= 1", k);
        check(queries >= 1, "--queries", ">= 1", queries);
        check(candidates >= 1, "--candidates", ">= 1", candidates);
        IndexRecallEvaluator evaluator = IndexRecallEvaluator.builder()
                .k(k).queries(queries).candidates(candidates).seed(seed).build();
        IndexRecallReport report;
        try (LuceneIndexSearcher searcher = LuceneIndexSearcher.open(index)) {
            report = evaluator.evaluate(searcher);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? JsonOutput.render(report) : describe(index, report));
        out.flush();
        return 0;
    }

    /**
     * Describes a report in a few human-readable lines.
     *
     * @param index the evaluated export directory
     * @param report the report
     * @return the text
     */
    static String describe(Path index, IndexRecallReport report) {
        return String.format(
                "Retrieval on %s: %d items, dimension %d, similarity %s%n"
                        + "  queries %d, k %d, candidates %d%n"
                        + "  recall@%d     %.4f (HNSW against exact search)%n"
                        + "  precision@%d  %.4f (exact search: %.4f)%n"
                        + "  latency       median %.3f ms, p99 %.3f ms per query",
                index, report.count(), report.dimension(), report.similarity(), report.queries(), report.k(),
                report.candidates(), report.k(), report.recallAtK(), report.k(), report.precisionAtK(),
                report.exactPrecisionAtK(), report.medianLatencyMillis(), report.p99LatencyMillis());
    }
}
