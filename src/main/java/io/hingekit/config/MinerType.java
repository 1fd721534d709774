package io.hingekit.config;

/** The triplet miner of an embedding loss ({@code loss.miner}). */
public enum MinerType implements ConfigWord {
    /** Every valid triplet. */
    BATCH_ALL("batch-all"),
    /** Per anchor the farthest positive and nearest negative. */
    BATCH_HARD("batch-hard"),
    /** Per anchor-positive pair the nearest negative beyond the positive. */
    SEMI_HARD("semi-hard"),
    /** Every triplet with d(a,n) < d(a,p). */
    HARD("hard");

    private final String word;

    MinerType(String word) {
        this.word = word;
    }

    @Override
    public String word() {
        return word;
    }
}
