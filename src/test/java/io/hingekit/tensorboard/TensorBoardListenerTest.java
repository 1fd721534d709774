package io.hingekit.tensorboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hingekit.metrics.MarginReport;
import io.hingekit.tensorboard.proto.Event;
import io.hingekit.tensorboard.proto.SessionLog;
import io.hingekit.tensorboard.proto.Summary;
import io.hingekit.tensorboard.proto.hparams.HParamsPluginData;
import io.hingekit.training.EpochReport;
import io.hingekit.training.RunContext;
import io.hingekit.training.RunReport;
import io.hingekit.training.StepReport;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TensorBoardListenerTest {

    private static final List<String> CLASSES = List.of("cat", "dog", "bird house");

    @TempDir
    Path dir;

    @Test
    void shortRunLogsEveryExpectedSeries() throws IOException {
        Path logDir = dir.resolve("tb");
        try (TensorBoardListener listener = new TensorBoardListener(new PrintStream(OutputStream.nullOutputStream()))) {
            listener.onRunStart(context(logDir, false, 0));
            listener.onStep(new StepReport(0, 10, 1.5, parts(1.2, 0.3), 2.0, 0.05));
            listener.onStep(new StepReport(0, 20, 1.25, parts(1.0, 0.25), 1.5, 0.05));
            listener.onEpochEnd(epoch(0, 20));
            listener.onEpochEnd(epoch(1, 40));
            listener.onRunEnd(runReport());
        }
        List<Event> events = EventFiles.readAll(EventFiles.onlyFile(logDir));
        Set<String> tags = events.stream().flatMap(e -> e.getSummary().getValueList().stream())
                .map(Summary.Value::getTag).collect(Collectors.toCollection(TreeSet::new));
        Set<String> expected = new TreeSet<>(List.of(
                "train/step_loss", "train/step_hinge", "train/step_aux", "train/gradient_norm", "train/learning_rate",
                "retrieval/precision_at_1", "triplet/gap", "epoch/learning_rate", "epoch/seconds",
                "pr_curve/cat", "pr_curve/dog", "pr_curve/bird_house", "test/accuracy",
                "_hparams_/experiment", "_hparams_/session_start_info", "_hparams_/session_end_info"));
        for (String split : List.of("train", "validation")) {
            for (String name : List.of("loss", "violation_rate", "tail_ratio", "accuracy", "signed_margin",
                    "sample_loss", "class_loss/cat", "class_loss/dog", "class_loss/bird_house")) {
                expected.add(split + "/" + name);
            }
        }
        assertEquals(expected, tags);

        assertEquals(List.of(10L, 20L), EventFiles.steps(events, "train/step_loss"));
        assertEquals(0.25f, EventFiles.scalar(EventFiles.values(events, "train/step_aux").get(1)));
        assertEquals(List.of(20L, 40L), EventFiles.steps(events, "validation/accuracy"));
        assertEquals(0.75f, EventFiles.scalar(EventFiles.values(events, "validation/accuracy").get(1)));
        assertTrue(Float.isNaN(EventFiles.scalar(EventFiles.values(events, "validation/class_loss/dog").get(0))));
        assertEquals(4, EventFiles.values(events, "train/signed_margin").get(0).getHisto().getNum());
        assertEquals(List.of(20L, 40L, 40L), EventFiles.steps(events, "validation/loss"),
                "two epochs, then the final metric at the last step");
        assertEquals(0.35f, EventFiles.scalar(EventFiles.values(events, "validation/loss").get(2)));

        Summary.Value cat = EventFiles.values(events, "pr_curve/cat").get(0);
        assertEquals(List.of(40L), EventFiles.steps(events, "pr_curve/cat"));
        assertPrCurveOfCat(cat);

        HParamsPluginData start = HParamsPluginData.parseFrom(EventFiles.values(events, "_hparams_/session_start_info")
                .get(0).getMetadata().getPluginData().getContent());
        assertEquals(0.05, start.getSessionStartInfo().getHparamsOrThrow("optimizer.lr").getNumberValue());
        assertEquals("[64, 32]", start.getSessionStartInfo().getHparamsOrThrow("model.layers").getStringValue());
        assertEquals(false, start.getSessionStartInfo().getHparamsOrThrow("data.balanced").getBoolValue());
    }

    @Test
    void everyProcessStartsWithASessionLogStartAtItsStartStep() throws IOException {
        for (long startStep : new long[] {0, 300}) {
            Path logDir = dir.resolve("tb" + startStep);
            try (TensorBoardListener listener = new TensorBoardListener(new PrintStream(OutputStream.nullOutputStream()))) {
                listener.onRunStart(context(logDir, startStep > 0, startStep));
            }
            List<Event> events = EventFiles.readAll(EventFiles.onlyFile(logDir));
            assertEquals(SessionLog.SessionStatus.START, events.get(1).getSessionLog().getStatus());
            assertEquals(startStep, events.get(1).getStep());
        }
    }

    /**
     * Class "cat" (label 0) is positive for samples 0 and 3, raw scores 2.0 and 1.0; the negatives score -1, -3,
     * 0.5, -2. Sigmoid keeps the order; threshold index 63 of 127 is probability 0.5, raw score 0: TP 2, FP 1.
     */
    private static void assertPrCurveOfCat(Summary.Value cat) {
        List<Float> v = cat.getTensor().getFloatValList();
        int n = 127;
        assertEquals(2f, v.get(0), "TP at threshold 0");
        assertEquals(4f, v.get(n), "FP at threshold 0");
        assertEquals(2f, v.get(63), "TP at 0.5");
        assertEquals(1f, v.get(n + 63), "FP at 0.5");
        assertEquals(3f, v.get(2 * n + 63), "TN at 0.5");
        assertEquals(0f, v.get(3 * n + 63), "FN at 0.5");
        assertEquals(2f / 3, v.get(4 * n + 63), 1e-6, "precision at 0.5");
        assertEquals(1f, v.get(5 * n + 63), "recall at 0.5");
    }

    private static RunContext context(Path logDir, boolean resumed, long startStep) {
        Map<String, Object> hyper = new LinkedHashMap<>();
        hyper.put("optimizer.lr", 0.05);
        hyper.put("loss.type", "multiclass-hinge");
        hyper.put("data.balanced", false);
        hyper.put("model.layers", List.of(64, 32));
        return new RunContext("demo", logDir.getParent(), logDir, resumed ? 3 : 0, startStep, resumed, CLASSES, hyper);
    }

    private static Map<String, Double> parts(double hinge, double aux) {
        Map<String, Double> parts = new LinkedHashMap<>();
        parts.put("hinge", hinge);
        parts.put("aux", aux);
        return parts;
    }

    private static EpochReport epoch(int epoch, long step) {
        MarginReport train = report(4, 0.4, 0.5, 0.5, 0.25, new float[] {0.1f, 0.2f, 0.3f},
                new float[] {1.5f, -0.5f, 0.2f, 2f}, new float[] {0f, 1.5f, 0.8f, 0f});
        MarginReport validation = report(4, 0.3, 0.75, 0.25, 0f, new float[] {0.1f, Float.NaN, 0.3f},
                new float[] {1.5f, 0.5f, -0.2f, 2f}, new float[] {0f, 0.5f, 1.2f, 0f});
        return new EpochReport(epoch, step, 0.05, 1.5, train, validation, Map.of("retrieval/precision_at_1", 0.5),
                Map.of("triplet/gap", new float[] {0.1f, 0.4f}));
    }

    /** A report with the figures TensorBoard logs; the rest (counts, quantiles, confusion) is not logged. */
    private static MarginReport report(long count, double loss, double accuracy, double violation, double tail,
            float[] perClass, float[] margins, float[] losses) {
        return new MarginReport(count, loss, accuracy, violation, 1, tail, perClass, margins, losses, 1, 0,
                new long[perClass.length], new float[perClass.length], new long[0][], new double[3], new double[3]);
    }

    private static RunReport runReport() {
        int[] labels = {0, 1, 2, 0, 1, 2};
        float[][] scores = {
            {2.0f, -1f, -1f}, {-1.0f, 1f, -1f}, {-3.0f, -1f, 1f}, {1.0f, -1f, -1f}, {0.5f, 1f, -1f}, {-2.0f, -1f, 1f},
        };
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("test/accuracy", 0.8);
        metrics.put("validation/loss", 0.35);
        return new RunReport(metrics, Map.of(), labels, scores, null, null, null);
    }
}
