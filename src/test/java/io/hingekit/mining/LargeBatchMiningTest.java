package io.hingekit.mining;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.hingekit.NDManagerExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Batch 2048 x 128 on the CPU: batch-all must not build B x B x B and must stay within 2 GiB. */
@ExtendWith(NDManagerExtension.class)
class LargeBatchMiningTest {

    private static final int B = 2048;
    private static final long TWO_GIB_KB = 2L * 1024 * 1024;
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

    @Test
    void batchAllAt2048StaysWithinTwoGib(NDManager manager) throws IOException {
        NDArray embeddings = manager.randomNormal(new Shape(B, 128));
        long peakBefore = resetPeak();
        // K = 2: every anchor has 1 positive and 2046 negatives
        NDArray pairs = manager.arange(B).div(2).floor().toType(DataType.INT64, false);
        Triplets all = BatchAllMiner.all().mine(new EuclideanDistance(), embeddings, pairs);
        assertEquals((long) B * 1 * (B - 2), all.size());
        // K = 8: 29 million valid triplets, capped to a random 100 000
        NDArray eights = manager.arange(B).div(8).floor().toType(DataType.INT64, false);
        Triplets capped = BatchAllMiner.builder().maxTriplets(100_000).seed(1).build()
                .mine(new EuclideanDistance(), embeddings, eights);
        assertEquals(100_000, capped.size());
        assumeTrue(peakBefore >= 0, "peak resident memory is only measurable on Linux");
        long increase = statusKb("VmHWM") - peakBefore;
        assertTrue(increase < TWO_GIB_KB, "peak resident memory grew by " + increase / 1024 + " MiB");
    }

    /** Resets the peak resident set size (Linux clear_refs 5) and returns the current size, or -1 if unavailable. */
    private static long resetPeak() throws IOException {
        if (!Files.isWritable(CLEAR_REFS)) {
            return -1;
        }
        Files.writeString(CLEAR_REFS, "5");
        return statusKb("VmRSS");
    }

    private static long statusKb(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException(field + " not in /proc/self/status");
    }
}
