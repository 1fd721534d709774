package io.hingekit.tensorboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Value;
import io.hingekit.Expect;
import io.hingekit.tensorboard.proto.DataClass;
import io.hingekit.tensorboard.proto.DataType;
import io.hingekit.tensorboard.proto.Event;
import io.hingekit.tensorboard.proto.PrCurvePluginData;
import io.hingekit.tensorboard.proto.SessionLog;
import io.hingekit.tensorboard.proto.Summary;
import io.hingekit.tensorboard.proto.hparams.HParamsPluginData;
import io.hingekit.tensorboard.proto.hparams.SessionStartInfo;
import io.hingekit.tensorboard.proto.hparams.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryWriterTest {

    @TempDir
    Path dir;

    @Test
    void scalarsKeepNonFiniteValuesAndDescribeOnlyTheFirstValueOfATag() throws IOException {
        List<Event> events = write(w -> {
            w.scalar("train/loss", 0.25, 1);
            w.scalar("train/loss", Double.NaN, 2);
            w.scalar("train/loss", Double.POSITIVE_INFINITY, 3);
            w.scalar("other", -1, 3);
        });
        List<Summary.Value> loss = EventFiles.values(events, "train/loss");
        assertEquals(List.of(1L, 2L, 3L), EventFiles.steps(events, "train/loss"));
        assertEquals(0.25f, EventFiles.scalar(loss.get(0)));
        assertTrue(Float.isNaN(EventFiles.scalar(loss.get(1))));
        assertEquals(Float.POSITIVE_INFINITY, EventFiles.scalar(loss.get(2)));
        assertEquals(DataType.DT_FLOAT, loss.get(0).getTensor().getDtype());
        assertEquals(0, loss.get(0).getTensor().getTensorShape().getDimCount());
        assertEquals("scalars", loss.get(0).getMetadata().getPluginData().getPluginName());
        assertEquals(DataClass.DATA_CLASS_SCALAR, loss.get(0).getMetadata().getDataClass());
        assertFalse(loss.get(1).hasMetadata());
        assertFalse(loss.get(2).hasMetadata());
        assertTrue(EventFiles.values(events, "other").get(0).hasMetadata());
    }

    @Test
    void histogramsCountNonFiniteValuesInASeparateScalar() throws IOException {
        List<Event> events = write(w -> {
            w.histogram("margin", new float[] {1, 2, 3}, 0);
            w.histogram("margin", new float[] {1, Float.NaN, Float.NEGATIVE_INFINITY, 2}, 1);
            w.histogram("margin", new float[] {5}, 2);
        });
        List<Summary.Value> margin = EventFiles.values(events, "margin");
        assertEquals(3, margin.size());
        assertEquals("histograms", margin.get(0).getMetadata().getPluginData().getPluginName());
        assertEquals(3, margin.get(0).getHisto().getNum());
        assertEquals(2, margin.get(1).getHisto().getNum());
        assertEquals(3, margin.get(1).getHisto().getSum());
        List<Summary.Value> nonFinite = EventFiles.values(events, "margin/nonfinite_count");
        assertEquals(List.of(1L, 2L), EventFiles.steps(events, "margin/nonfinite_count"));
        assertEquals(2f, EventFiles.scalar(nonFinite.get(0)));
        assertEquals(0f, EventFiles.scalar(nonFinite.get(1)));
    }

    @Test
    void textPrCurveAndImageUseTheirPluginLayouts() throws IOException {
        byte[] png = Pngs.rgb(3, 2);
        List<Event> events = write(w -> {
            w.text("notes", "**bold** résumé", 4);
            w.prCurve("pr", new boolean[] {true, false}, new float[] {0.9f, 0.2f}, 4);
            w.image("sample", png, 4);
        });
        Summary.Value text = EventFiles.values(events, "notes").get(0);
        assertEquals("text", text.getMetadata().getPluginData().getPluginName());
        assertEquals(DataType.DT_STRING, text.getTensor().getDtype());
        assertEquals("**bold** résumé", text.getTensor().getStringVal(0).toString(StandardCharsets.UTF_8));

        Summary.Value pr = EventFiles.values(events, "pr").get(0);
        assertEquals("pr_curves", pr.getMetadata().getPluginData().getPluginName());
        assertEquals(127, PrCurvePluginData.parseFrom(pr.getMetadata().getPluginData().getContent())
                .getNumThresholds());
        assertEquals(List.of(6L, 127L), pr.getTensor().getTensorShape().getDimList().stream()
                .map(d -> d.getSize()).toList());
        assertEquals(6 * 127, pr.getTensor().getFloatValCount());
        assertEquals(1f, pr.getTensor().getFloatVal(0), "TP at threshold 0");
        assertEquals(1f, pr.getTensor().getFloatVal(127), "FP at threshold 0");

        Summary.Value image = EventFiles.values(events, "sample").get(0);
        assertEquals("images", image.getMetadata().getPluginData().getPluginName());
        assertEquals(3, image.getImage().getWidth());
        assertEquals(2, image.getImage().getHeight());
        assertEquals(3, image.getImage().getColorspace());
        assertEquals(png.length, image.getImage().getEncodedImageString().size());
    }

    @Test
    void hparamsWriteMetricsExperimentAndSessionInfoAtTheLastStep() throws IOException {
        Map<String, Object> hyper = new LinkedHashMap<>();
        hyper.put("lr", 0.1);
        hyper.put("loss", "hinge");
        hyper.put("balanced", true);
        List<Event> events = write(w -> {
            w.scalar("train/loss", 1, 40);
            w.hparams(hyper, Map.of("test/accuracy", 0.75));
        });
        assertEquals(List.of(40L), EventFiles.steps(events, "test/accuracy"));
        assertEquals(0.75f, EventFiles.scalar(EventFiles.values(events, "test/accuracy").get(0)));

        HParamsPluginData experiment = hparams(events, "_hparams_/experiment");
        assertEquals(0, experiment.getVersion());
        assertEquals(List.of("lr", "loss", "balanced"), experiment.getExperiment().getHparamInfosList().stream()
                .map(h -> h.getName()).toList());
        assertEquals("test/accuracy", experiment.getExperiment().getMetricInfos(0).getName().getTag());
        assertEquals("", experiment.getExperiment().getMetricInfos(0).getName().getGroup());

        SessionStartInfo start = hparams(events, "_hparams_/session_start_info").getSessionStartInfo();
        assertEquals(Value.newBuilder().setNumberValue(0.1).build(), start.getHparamsOrThrow("lr"));
        assertEquals("hinge", start.getHparamsOrThrow("loss").getStringValue());
        assertTrue(start.getHparamsOrThrow("balanced").getBoolValue());
        assertEquals(Status.STATUS_SUCCESS, hparams(events, "_hparams_/session_end_info").getSessionEndInfo()
                .getStatus());
        Summary.Value raw = EventFiles.values(events, "_hparams_/experiment").get(0);
        assertEquals("hparams", raw.getMetadata().getPluginData().getPluginName());
        assertEquals(0, raw.getTensor().getTensorShape().getDim(0).getSize());
    }

    @Test
    void sessionStartWritesASessionLogStart() throws IOException {
        List<Event> events = write(w -> w.sessionStart(500));
        Event start = events.get(1);
        assertEquals(500, start.getStep());
        assertEquals(SessionLog.SessionStatus.START, start.getSessionLog().getStatus());
    }

    @Test
    void badTagsStepsAndValuesAreRejected() throws IOException {
        try (SummaryWriter w = SummaryWriter.open(dir)) {
            for (String tag : new String[] {"", "a//b", "/a", "a/", "a b", "é"}) {
                Expect.rejects(IllegalArgumentException.class, () -> w.scalar(tag, 1, 0), "'" + tag + "'");
            }
            assertThrows(IllegalArgumentException.class, () -> w.scalar(null, 1, 0));
            assertThrows(IllegalArgumentException.class, () -> w.scalar("ok", 1, -1));
            assertThrows(IllegalArgumentException.class, () -> w.image("img", new byte[] {1, 2, 3}, 0));
            Expect.rejects(IllegalArgumentException.class,
                    () -> w.hparams(Map.of("seed", new Object()), Map.of()), "seed");
        }
    }

    @Test
    void oneWriterPerDirectoryAtATime() throws IOException {
        SummaryWriter first = SummaryWriter.open(dir);
        assertThrows(IllegalStateException.class, () -> SummaryWriter.open(dir.resolve(".")));
        first.close();
        first.close();
        try (SummaryWriter second = SummaryWriter.open(dir)) {
            assertTrue(!second.file().equals(first.file()));
        }
    }

    @Test
    void tagHelpersProduceValidTags() {
        assertEquals("bird_house", Tags.component("bird house"));
        assertEquals("a_b", Tags.component("a/b"));
        assertEquals("retrieval/precision_1", Tags.sanitize("retrieval//precision@1"));
        assertEquals("_", Tags.sanitize("/"));
    }

    private static HParamsPluginData hparams(List<Event> events, String tag) throws IOException {
        return HParamsPluginData.parseFrom(
                EventFiles.values(events, tag).get(0).getMetadata().getPluginData().getContent());
    }

    private List<Event> write(WriterAction action) throws IOException {
        Path file;
        try (SummaryWriter writer = SummaryWriter.open(dir)) {
            action.run(writer);
            file = writer.file();
        }
        return EventFiles.readAll(file);
    }

    private interface WriterAction {
        void run(SummaryWriter writer) throws IOException;
    }
}
