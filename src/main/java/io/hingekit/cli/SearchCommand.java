package io.hingekit.cli;

import static io.hingekit.util.Checks.check;

import io.hingekit.export.ExportManifest;
import io.hingekit.inference.ModelQueries;
import io.hingekit.inference.QueryVectors;
import io.hingekit.search.LuceneIndexSearcher;
import io.hingekit.search.SearchHit;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The {@code search} command: nearest neighbours of an item or a vector in a Lucene export. */
@Command(
        name = "search",
        mixinStandardHelpOptions = true,
        description = "Finds the k nearest neighbours of an indexed item or of a vector in a Lucene export.")
public final class SearchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--index", required = true, paramLabel = "<dir>",
            description = "Export directory written by 'export --format lucene'.")
    private Path index;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private QuerySpec query;

    @Option(names = "-k", defaultValue = "10", description = "Neighbours to return (default: ${DEFAULT-VALUE}).")
    private int k;

    @Option(names = "--candidates", defaultValue = "" + LuceneIndexSearcher.DEFAULT_CANDIDATES,
            description = "HNSW graph candidates to explore; more raise recall (default: ${DEFAULT-VALUE}).")
    private int candidates;

    @Option(names = "--json", description = "Print the hits as JSON.")
    private boolean json;

    /** What to search for: an indexed item, a vector, or a raw input embedded by a model. */
    static final class QuerySpec {
        @Option(names = "--id", paramLabel = "<id>", description = "Id of an indexed item (left out of its hits).")
        private Long id;

        @Option(names = "--vector", paramLabel = "<file>",
                description = "File with one vector: numbers separated by whitespace or commas, .npy or .fvecs.")
        private Path vector;

        @ArgGroup(exclusive = false)
        private ModelInput modelInput;

        List<SearchHit> search(LuceneIndexSearcher searcher, int k, int candidates) throws IOException {
            if (id != null) {
                return searcher.searchById(id, k, candidates);
            }
            float[] queryVector = vector != null ? QueryVectors.read(vector)
                    : ModelQueries.embed(modelInput.model, modelInput.input, modelInput.device);
            return searcher.searchByVector(queryVector, k, candidates);
        }

        Map<String, Object> describe() {
            if (id != null) {
                return Map.of("id", id);
            }
            return vector != null ? Map.of("vector", vector.toString())
                    : Map.of("model", modelInput.model.toString(), "input", modelInput.input.toString());
        }
    }

    /** A raw input (image or row) and the embedding model that turns it into the query vector. */
    static final class ModelInput {
        @Option(names = "--model", required = true, paramLabel = "<dir>", description = "Trained embedding model.")
        private Path model;

        @Option(names = "--input", required = true, paramLabel = "<file>",
                description = "Image (its size must match the model) or one row of numbers (text, .npy, .fvecs).")
        private Path input;

        @Option(names = "--device", paramLabel = "<device>", description = "auto, cpu, gpu or gpu:N (default: auto).")
        private String device;
    }

    @Override
    public Integer call() throws IOException {
        check(k >= 1, "-k", ">= 1", k);
        check(candidates >= 1, "--candidates", ">= 1", candidates);
        try (LuceneIndexSearcher searcher = LuceneIndexSearcher.open(index)) {
            List<SearchHit> hits = query.search(searcher, k, candidates);
            PrintWriter out = spec.commandLine().getOut();
            out.println(json ? JsonOutput.render(result(searcher.manifest(), hits)) : table(searcher.manifest(), hits));
            out.flush();
            return 0;
        }
    }

    private Map<String, Object> result(ExportManifest manifest, List<SearchHit> hits) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("index", index.toString());
        result.put("query", query.describe());
        result.put("k", k);
        result.put("distance", manifest.distance().word());
        result.put("hits", IntStream.range(0, hits.size())
                .mapToObj(i -> hitMap(manifest, i + 1, hits.get(i)))
                .toList());
        return result;
    }

    private static Map<String, Object> hitMap(ExportManifest manifest, int rank, SearchHit hit) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("rank", rank);
        row.put("id", hit.id());
        row.put("label", hit.label());
        row.put("labelName", manifest.labelName(hit.label()));
        row.put("score", hit.score());
        row.put("distance", hit.distance());
        return row;
    }

    private String table(ExportManifest manifest, List<SearchHit> hits) {
        StringBuilder text = new StringBuilder(String.format("%-5s %-12s %-20s %-10s %s%n",
                "rank", "id", "label", "score", manifest.distance().word() + " distance"));
        for (int i = 0; i < hits.size(); i++) {
            SearchHit hit = hits.get(i);
            text.append(String.format("%-5d %-12d %-20s %-10.6f %.6f%n", i + 1, hit.id(),
                    manifest.labelName(hit.label()), hit.score(), hit.distance()));
        }
        return text.toString().stripTrailing();
    }
}
