package io.hingekit.mining;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import io.hingekit.loss.ResultScope;
import io.hingekit.util.Checks;
import java.util.ArrayList;
import java.util.List;

/**
 * Mines one negative per anchor-positive pair, the semi-hard one of FaceNet (Schroff et al. 2015) with the fallback
 * of TensorFlow Addons' {@code triplet_semihard_loss}:
 *
 * <ul>
 *   <li>if some negative lies beyond the positive ({@code d(a,n) > d(a,p)}), take the nearest such negative; the
 *       triplet is kept when it is inside the semi-hard window {@code d(a,n) < d(a,p) + margin}, i.e. when its hinge
 *       {@code d(a,p) - d(a,n) + margin} is positive, and dropped otherwise (TF keeps it with loss 0);
 *   <li>if no negative lies beyond the positive (every negative is at most as far as the positive, ties counting as
 *       inside), take the farthest negative, whose {@code d(a,n) <= d(a,p)}: a hard triplet, always kept.
 * </ul>
 *
 * <p>So the sum of the hinge losses of the mined triplets equals TF Addons' {@code triplet_semihard_loss} times its
 * number of anchor-positive pairs (TF averages over all pairs, including the zero-loss ones dropped here). Pairs are
 * processed in chunks: O(pairs x R) time, O(chunk) extra memory.
 */
public final class SemiHardMiner implements Miner {

    private final float margin;
    private final long chunkElements;

    /**
     * Creates a miner.
     *
     * @param margin the width of the semi-hard window, finite and &gt;= 0
     */
    public SemiHardMiner(float margin) {
        this(margin, AnchorPositivePairs.DEFAULT_CHUNK_ELEMENTS);
    }

    /**
     * Creates a miner with a working-memory budget.
     *
     * @param margin the width of the semi-hard window, finite and &gt;= 0
     * @param chunkElements anchor-positive pairs x references handled per chunk, &gt; 0
     */
    public SemiHardMiner(float margin, long chunkElements) {
        this.margin = Checks.nonNegativeFinite("margin", margin);
        this.chunkElements = Checks.positive("chunkElements", chunkElements);
    }

    @Override
    public Triplets mine(NDArray distances, NDArray queryLabels, NDArray referenceLabels) {
        try (ResultScope scope = new ResultScope()) {
            LabelMasks masks = LabelMasks.of(distances, queryLabels, referenceLabels);
            AnchorPositivePairs pairs = new AnchorPositivePairs(distances, masks, chunkElements);
            // -infinity for an anchor without negatives
            RowExtremes farthestNegative = RowExtremes.largest(
                    MaskOps.keepWhere(masks.negatives(), distances, Float.NEGATIVE_INFINITY));
            List<Triplets> parts = new ArrayList<>();
            for (int i = 0; i < pairs.chunkCount(); i++) {
                try (ResultScope chunkScope = new ResultScope()) {
                    AnchorPositivePairs.Chunk chunk = pairs.chunk(i);
                    parts.add(mineChunk(chunk, farthestNegative).keptBy(chunkScope));
                }
            }
            return Triplets.concat(parts, distances.getManager()).keptBy(scope);
        }
    }

    private Triplets mineChunk(AnchorPositivePairs.Chunk chunk, RowExtremes farthestNegative) {
        NDArray rows = chunk.negativeRows();
        // negatives at or inside d(a,p) join the non-negatives at +infinity (the chunk's rows are not read again)
        RowExtremes nearestBeyond = RowExtremes.smallest(
                MaskOps.fillWhereInPlace(rows.lte(chunk.positiveDistances()), Float.POSITIVE_INFINITY, rows));
        NDArray hasBeyond = nearestBeyond.values().lt(MaskOps.fill(rows, Float.POSITIVE_INFINITY));
        NDArray anchors = chunk.anchors();
        NDArray negative =
                NDArrays.where(hasBeyond, nearestBeyond.indices(), farthestNegative.indices().take(anchors));
        // a negative beyond d(a,p) is kept when its hinge is positive; the fallback whenever the anchor has one
        NDArray hinge = chunk.positiveDistances().reshape(-1).sub(nearestBeyond.values())
                .add(MaskOps.fill(rows, margin));
        NDArray hasFallback = farthestNegative.values().take(anchors)
                .gt(MaskOps.fill(rows, Float.NEGATIVE_INFINITY));
        NDArray keep = NDArrays.where(hasBeyond, hinge.gt(MaskOps.fill(rows, 0f)), hasFallback);
        NDArray kept = keep.nonzero().reshape(-1);
        return new Triplets(anchors.take(kept), chunk.positives().take(kept), negative.take(kept));
    }
}
