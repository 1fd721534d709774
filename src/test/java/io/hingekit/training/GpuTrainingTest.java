package io.hingekit.training;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.engine.Engine;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hingekit.model.ModelDirectory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs only on CUDA hosts ({@code mvn -Pgpu test}): a short run on GPU 0 trains there and learns. */
@Tag("gpu")
class GpuTrainingTest {

    @TempDir
    Path tmp;

    @Test
    void quickRunTrainsOnTheGpu() throws Exception {
        assumeTrue(Engine.getInstance().getGpuCount() > 0, "no GPU visible");
        Path out = tmp.resolve("gpu");
        RunReport report = new TrainingService(new PrintStream(new ByteArrayOutputStream())).train(
                TrainRequest.builder().config(Path.of("configs/quick.yaml")).device("gpu").out(out).build(),
                List.of());
        String devices = new ObjectMapper().readTree(out.resolve(ModelDirectory.METRICS).toFile())
                .get("devices").asText();
        assertTrue(devices.contains("gpu(0)"), devices);
        assertTrue(report.finalMetrics().get("test/accuracy") > 0.8, "3 classes: chance is 0.33");
    }
}
