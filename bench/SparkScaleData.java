import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The inputs of bench/spark-scale.sh: the Fashion-MNIST test images repeated to ROWS rows, as uncompressed IDX files
 * (images, labels) for the single-machine score, and as Parquet (id, features array<float> of raw 0..255 pixels,
 * label) for spark score. Run with java's single-file launcher on the Spark classpath.
 */
public final class SparkScaleData {

    public static void main(String[] args) throws IOException {
        String data = args[0];
        int rows = Integer.parseInt(args[1]);
        String out = args[2];
        byte[][] images = new byte[10000][784];
        byte[] labels = new byte[10000];
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(new FileInputStream(
                data + "/t10k-images-idx3-ubyte.gz")))) {
            in.skipNBytes(16);
            for (byte[] image : images) {
                in.readFully(image);
            }
        }
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(new FileInputStream(
                data + "/t10k-labels-idx1-ubyte.gz")))) {
            in.skipNBytes(8);
            in.readFully(labels);
        }
        try (DataOutputStream img = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(
                out + "/rows-idx3-ubyte"), 1 << 20));
                DataOutputStream lab = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(
                        out + "/rows-labels-idx1-ubyte"), 1 << 20))) {
            img.writeInt(0x803);
            img.writeInt(rows);
            img.writeInt(28);
            img.writeInt(28);
            lab.writeInt(0x801);
            lab.writeInt(rows);
            for (int i = 0; i < rows; i++) {
                img.write(images[i % 10000]);
                lab.write(labels[i % 10000]);
            }
        }
        SparkSession spark = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false")
                .getOrCreate();
        StructType schema = DataTypes.createStructType(List.of(
                DataTypes.createStructField("id", DataTypes.LongType, false),
                DataTypes.createStructField("features", DataTypes.createArrayType(DataTypes.FloatType, false), false),
                DataTypes.createStructField("label", DataTypes.IntegerType, false)));
        List<Row> base = new ArrayList<>();
        for (int i = 0; i < 10000; i++) {
            Float[] pixels = new Float[784];
            for (int j = 0; j < 784; j++) {
                pixels[j] = (float) (images[i][j] & 0xff);
            }
            base.add(RowFactory.create((long) i, pixels, (int) labels[i]));
        }
        // a cross join of the 10000 images with the repeat index gives ROWS rows, ids 0..ROWS-1 in IDX order
        spark.createDataFrame(base, schema).createOrReplaceTempView("images");
        spark.range(0, (rows + 9999) / 10000).createOrReplaceTempView("repeats");
        spark.sql("SELECT r.id * 10000 + i.id AS id, i.features, i.label FROM repeats r CROSS JOIN images i"
                + " WHERE r.id * 10000 + i.id < " + rows).repartition(8).write().parquet(out + "/rows.parquet");
        spark.stop();
    }
}
