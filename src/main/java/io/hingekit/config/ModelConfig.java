package io.hingekit.config;

import static io.hingekit.util.Checks.check;

import java.util.List;

/**
 * The network a run trains; missing values take their defaults here.
 *
 * @param type the network (default {@code mlp})
 * @param hidden widths of the MLP's hidden layers, or of the CNN's dense layer (first entry); default [256]
 * @param head classifier head (default {@code hinge}); embedding networks have none
 * @param embeddingDim dimension of the embedding (embedding networks only; default 64)
 * @param dropout dropout rate before the head (default 0 = none)
 * @param featureMap a fixed kernel feature map in front of a {@code linear} model (null: none)
 */
public record ModelConfig(ModelType type, List<Integer> hidden, HeadType head, Integer embeddingDim, Double dropout,
        FeatureMapConfig featureMap) {

    /** Default MLP hidden width and CNN dense width. */
    public static final int DEFAULT_HIDDEN = 256;
    /** Default embedding dimension. */
    public static final int DEFAULT_EMBEDDING_DIM = 64;

    /** Fills in the defaults and checks the values. */
    public ModelConfig {
        type = type == null ? ModelType.MLP : type;
        hidden = hidden == null || hidden.isEmpty() ? List.of(DEFAULT_HIDDEN) : List.copyOf(hidden);
        for (int width : hidden) {
            check(width > 0, "model.hidden", "widths > 0", hidden);
        }
        boolean embedding = type.isEmbedding();
        check(!embedding || head == null, "model.head", "absent for an embedding model", head);
        head = embedding ? null : head == null ? HeadType.HINGE : head;
        check(embedding || embeddingDim == null, "model.embeddingDim", "absent for model.type " + type.word(),
                embeddingDim);
        embeddingDim = embedding ? embeddingDim == null ? DEFAULT_EMBEDDING_DIM : embeddingDim : null;
        check(embeddingDim == null || embeddingDim > 0, "model.embeddingDim", "> 0", embeddingDim);
        dropout = dropout == null ? 0.0 : dropout;
        check(dropout >= 0 && dropout < 1, "model.dropout", "in [0, 1)", dropout);
        check(featureMap == null || type == ModelType.LINEAR, "model.featureMap", "absent for model.type "
                + type.word() + " (it goes in front of a linear model)", "a section");
    }

    /** Returns whether this model outputs embeddings rather than class scores. */
    public boolean isEmbedding() {
        return type.isEmbedding();
    }
}
