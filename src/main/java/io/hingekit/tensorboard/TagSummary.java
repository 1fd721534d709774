package io.hingekit.tensorboard;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a run's event files hold for one tag.
 *
 * @param tag the tag
 * @param plugin the TensorBoard plugin that shows it (from the first value's metadata, or implied by the value)
 * @param count number of values
 * @param firstStep smallest step
 * @param lastStep step of the last value read
 * @param lastValue the last scalar value (scalars only)
 * @param lastHistogram a sketch of the last histogram (histograms only)
 * @param lastDetail a one-line description of the last value (text, PR curves, images, other tensors)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TagSummary(
        String tag,
        String plugin,
        long count,
        long firstStep,
        long lastStep,
        Double lastValue,
        HistogramSketch lastHistogram,
        String lastDetail) {}
