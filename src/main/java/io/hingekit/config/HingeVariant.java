package io.hingekit.config;

import io.hingekit.loss.MulticlassHingeLoss;
import java.util.List;

/** The multi-class hinge variant ({@code loss.variant}); the upper-case names of released configs stay accepted. */
public enum HingeVariant implements ConfigWord {
    /** Sum over the wrong classes of the margin violations. */
    WESTON_WATKINS("weston-watkins", MulticlassHingeLoss.Variant.WESTON_WATKINS),
    /** The largest margin violation over the wrong classes. */
    CRAMMER_SINGER("crammer-singer", MulticlassHingeLoss.Variant.CRAMMER_SINGER),
    /** A binary hinge per class, the true class positive. */
    ONE_VS_REST("one-vs-rest", MulticlassHingeLoss.Variant.ONE_VS_REST);

    private final String word;
    private final MulticlassHingeLoss.Variant variant;

    HingeVariant(String word, MulticlassHingeLoss.Variant variant) {
        this.word = word;
        this.variant = variant;
    }

    @Override
    public String word() {
        return word;
    }

    @Override
    public List<String> aliases() {
        return List.of(name());
    }

    /** Returns the loss's variant. */
    public MulticlassHingeLoss.Variant variant() {
        return variant;
    }
}
