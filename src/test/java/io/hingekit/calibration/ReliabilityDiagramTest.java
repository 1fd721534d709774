package io.hingekit.calibration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hingekit.Expect;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReliabilityDiagramTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @Test
    void writesAReadablePngOfTheStatedSize(@TempDir Path dir) throws IOException {
        Reliability[] tables = beforeAndAfter("multiclass10");
        Path file = dir.resolve("reliability.png");
        ReliabilityDiagram.write(file, "10 classes, test split", tables[0], tables[1], 800, 600);
        try (InputStream in = Files.newInputStream(file)) {
            assertArrayEquals(PNG_SIGNATURE, in.readNBytes(PNG_SIGNATURE.length));
        }
        BufferedImage image = ImageIO.read(file.toFile());
        assertNotNull(image, "ImageIO reads the file back");
        assertEquals(800, image.getWidth());
        assertEquals(600, image.getHeight());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file left behind");
        }
        // both series are drawn in their own colours
        assertTrue(countNear(image, 0xD95F02) > 50, "before-calibration points");
        assertTrue(countNear(image, 0x1F5FB4) > 50, "after-calibration points");

        Path defaultSize = dir.resolve("default.png");
        ReliabilityDiagram.write(defaultSize, "binary", beforeAndAfter("binary")[0], beforeAndAfter("binary")[1]);
        BufferedImage square = ImageIO.read(defaultSize.toFile());
        assertEquals(ReliabilityDiagram.DEFAULT_WIDTH, square.getWidth());
        assertEquals(ReliabilityDiagram.DEFAULT_HEIGHT, square.getHeight());
    }

    /** Writes the diagrams of the fixture's cases under target/calibration for a look. */
    @Test
    void writesSampleDiagrams() throws IOException {
        Path dir = Path.of("target", "calibration");
        for (String name : new String[] {"binary", "multiclass10", "large"}) {
            Reliability[] tables = beforeAndAfter(name);
            ReliabilityDiagram.write(dir.resolve("reliability_" + name + ".png"), "Fixture case \"" + name + "\"",
                    tables[0], tables[1]);
            assertTrue(Files.size(dir.resolve("reliability_" + name + ".png")) > 1000);
        }
    }

    @Test
    void rejectsTinyImages() {
        Reliability[] tables = beforeAndAfter("binary");
        Expect.rejects(IllegalArgumentException.class,
                () -> ReliabilityDiagram.render("t", tables[0], tables[1], 100, 600), "width must be >= 200, got 100");
        Expect.rejects(IllegalArgumentException.class,
                () -> ReliabilityDiagram.render("t", tables[0], null, 600, 600), "must not be null");
    }

    /**
     * Reliability before calibration (the raw scores through a logistic for one score, a softmax for several) and
     * after (the fitted calibrator), on the test part of a fixture case.
     */
    private static Reliability[] beforeAndAfter(String name) {
        CalibrationFixture.Case c = CalibrationFixture.named(name);
        double[][] raw = new double[c.testScores().length][];
        for (int i = 0; i < raw.length; i++) {
            double[] s = c.testScores()[i];
            if (s.length == 1) {
                double p = new Sigmoid(-1.0, 0.0).probability(s[0]);
                raw[i] = new double[] {1 - p, p};
            } else {
                double max = Arrays.stream(s).max().orElseThrow();
                double[] e = Arrays.stream(s).map(v -> Math.exp(v - max)).toArray();
                double sum = Arrays.stream(e).sum();
                raw[i] = Arrays.stream(e).map(v -> v / sum).toArray();
            }
        }
        double[][] calibrated = Calibrator.fit(c.valScores(), c.valLabels()).probabilities(c.testScores());
        return new Reliability[] {
            CalibrationMetrics.reliability(raw, c.testLabels()),
            CalibrationMetrics.reliability(calibrated, c.testLabels()),
        };
    }

    private static int countNear(BufferedImage image, int rgb) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                int dr = Math.abs(((p >> 16) & 0xff) - ((rgb >> 16) & 0xff));
                int dg = Math.abs(((p >> 8) & 0xff) - ((rgb >> 8) & 0xff));
                int db = Math.abs((p & 0xff) - (rgb & 0xff));
                if (dr + dg + db < 40) {
                    count++;
                }
            }
        }
        return count;
    }
}
