package io.hingekit.serve;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The predictions that may still receive a label, by the caller's id: bounded, the oldest forgotten first, so
 * memory stays flat however many predictions are never labelled. Thread-safe.
 */
final class FeedbackWindow {

    private final Map<String, Prediction> byId;

    FeedbackWindow(int capacity) {
        this.byId = new LinkedHashMap<>(16, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Prediction> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Remembers a prediction made with an id. */
    synchronized void remember(Prediction prediction) {
        byId.put(prediction.id(), prediction);
    }

    /**
     * Takes a prediction out of the window.
     *
     * @param id the caller's id
     * @return the prediction, or null when unknown or forgotten
     */
    synchronized Prediction take(String id) {
        return byId.remove(id);
    }
}
