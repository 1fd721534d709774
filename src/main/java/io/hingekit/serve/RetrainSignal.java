package io.hingekit.serve;

/**
 * A retrain signal with hysteresis: it turns on when the drift figure rises above {@code enter}, off when it falls
 * below the lower {@code exit}, and only after at least {@code minMillis} in its current state, so that transient
 * drift does not make it flap. Not thread-safe: the drift schedule alone updates it.
 */
final class RetrainSignal {

    private final double enter;
    private final double exit;
    private final long minMillis;
    private boolean on;
    private long since;

    RetrainSignal(double enter, double exit, long minMillis, long now) {
        this.enter = enter;
        this.exit = exit;
        this.minMillis = minMillis;
        this.since = now;
    }

    /**
     * Takes a new drift figure.
     *
     * @param value the figure (for example the overall label-free PSI)
     * @param now the current time in milliseconds
     * @return true when the signal changed
     */
    boolean update(double value, long now) {
        if (now - since < minMillis) {
            return false;
        }
        boolean next = on ? !(value < exit) : value > enter;
        if (next == on) {
            return false;
        }
        on = next;
        since = now;
        return true;
    }

    /** Returns whether the signal is on. */
    boolean on() {
        return on;
    }
}
