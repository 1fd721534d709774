package io.hingekit.spark;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hingekit.config.RunConfig;
import io.hingekit.data.DatasetLoader;
import io.hingekit.data.LabeledData;
import io.hingekit.export.ExportManifest;
import io.hingekit.inference.EmbeddingMetadata;
import io.hingekit.model.ModelDirectory;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code spark export}: an embedding model's vectors of a table or of a split of its dataset, as Parquet
 * ({@code vectors/}: id, label, vector) next to the {@code manifest.json} that {@code export} writes.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Embed a table (Parquet or CSV) or a split of the model's dataset on Spark; writes"
                + " <out>/vectors (Parquet: id, label, vector array<float>) and <out>/manifest.json.")
public final class ExportJob implements Callable<Integer> {

    /** The Parquet directory inside an export. */
    static final String VECTORS = "vectors";

    @Option(names = "--model", required = true, description = "embedding model directory (any Hadoop path)")
    private String model;

    @Option(names = "--out", required = true, description = "export directory to create (any Hadoop path)")
    private String out;

    @Option(names = "--split", description = "embed this split (train, validation, test) of the model's dataset"
            + " instead of --input")
    private String split;

    @Option(names = {"--data", "--data-dir"}, description = "dataset directory for --split (default: the config's)")
    private Path data;

    @Option(names = "--overwrite", description = "replace an existing --out once the job succeeded")
    private boolean overwrite;

    @Mixin
    private TableOptions table;

    @Mixin
    private SparkOptions spark;

    @Spec
    private CommandSpec spec;

    /** Creates the job; picocli fills in the options. */
    public ExportJob() {}

    @Override
    public Integer call() throws Exception {
        if ((table.input == null) == (split == null)) {
            throw new IllegalArgumentException("give exactly one of --input and --split");
        }
        long started = System.nanoTime();
        SparkSession session = Sessions.open("export", spark);
        Embedder embedder = LoadedModels.embedder(model, spark.device); // the driver checks the model first
        StagedOutput output = StagedOutput.prepare(out, session.sparkContext(), overwrite);
        RunConfig config = embedder.model().config();
        List<String> classNames = embedder.model().info().classNames();
        Dataset<Row> input = split != null ? splitRows(session, embedder, config) : Tables.read(session, table.input,
                table.format);
        TableColumns columns = TableColumns.resolve(input.schema(), split != null
                ? new TableColumns.ColumnNames("id", "features", "label") : table.names(), classNames,
                embedder.featureCount(), split != null ? 1f : table.pixelScale);
        EmbedPartitions job = new EmbedPartitions(model, spark.device, columns, spark.batchSize, split != null);
        String source = split != null ? config.data().source().word() + "/" + split : table.input;
        EmbeddingMetadata metadata = EmbeddingMetadata.ofModel(ModelFiles.local(model), config, source, classNames);
        long[] count = {0};
        try {
            output.commit(() -> {
                String vectors = output.staging() + "/" + VECTORS;
                session.createDataFrame(input.queryExecution().toRdd().toJavaRDD().mapPartitions(job),
                        EmbedPartitions.SCHEMA).write().parquet(vectors);
                count[0] = session.read().parquet(vectors).count();
                writeManifest(output, manifest(metadata, count[0], embedder.model().info().outputs(),
                        (System.nanoTime() - started) / 1e9));
            });
        } catch (Exception e) {
            throw Failures.named("spark export failed", e);
        }
        PrintWriter console = spec.commandLine().getOut();
        console.printf("exported %d embeddings (dimension %d) as parquet to %s in %.1f s%n", count[0],
                embedder.model().info().outputs(), output.target(), (System.nanoTime() - started) / 1e9);
        console.flush();
        return 0;
    }

    /** The split's rows as the single-machine export reads them: loaded with the model's scaler, ids = row index. */
    private Dataset<Row> splitRows(SparkSession session, Embedder embedder, RunConfig config) throws IOException {
        try (NDManager manager = NDManager.newBaseManager(ai.djl.Device.cpu())) {
            LabeledData rows = new DatasetLoader(DatasetLoader.defaultCacheDir())
                    .load(config.data(), data, config.seed(), manager,
                            new ModelDirectory(ModelFiles.local(model)).savedScaler())
                    .split(split);
            float[] features = rows.features().toFloatArray();
            int[] labels = rows.labelArray();
            int width = features.length / Math.max(1, rows.size());
            List<Row> out = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                Float[] vector = new Float[width];
                for (int j = 0; j < width; j++) {
                    vector[j] = features[i * width + j];
                }
                out.add(RowFactory.create((long) i, labels[i], vector));
            }
            return session.createDataFrame(out, DataTypes.createStructType(List.of(
                    DataTypes.createStructField("id", DataTypes.LongType, false),
                    DataTypes.createStructField("label", DataTypes.IntegerType, false),
                    DataTypes.createStructField("features", DataTypes.createArrayType(DataTypes.FloatType), false))));
        }
    }

    private ExportManifest manifest(EmbeddingMetadata metadata, long count, int dimension, double seconds) {
        return new ExportManifest(ExportManifest.VERSION, null, Instant.now().toString(), model,
                metadata.parameterChecksum(), metadata.config(), metadata.source(), count, dimension,
                metadata.distance(), metadata.normalized(), metadata.labelNames(), seconds, List.of(VECTORS), null,
                null, List.of());
    }

    /**
     * The manifest's JSON with {@code "format": "parquet"} after the version: Parquet is not one of the formats
     * {@code export} writes itself ({@link io.hingekit.export.ExportFormat}), so the record leaves it out.
     */
    private static byte[] withFormat(byte[] manifest) throws IOException {
        ObjectMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        ObjectNode written = (ObjectNode) json.readTree(manifest);
        ObjectNode out = json.createObjectNode();
        written.properties().forEach(field -> {
            out.set(field.getKey(), field.getValue());
            if (field.getKey().equals("manifestVersion")) {
                out.put("format", "parquet");
            }
        });
        return json.writeValueAsBytes(out);
    }

    private static void writeManifest(StagedOutput output, ExportManifest manifest) throws IOException {
        FileSystem fs = output.fileSystem();
        try (OutputStream stream = fs.create(new org.apache.hadoop.fs.Path(output.staging(),
                ExportManifest.FILE_NAME), false)) {
            stream.write(withFormat(manifest.toBytes()));
        }
    }
}
