package io.hingekit.tensorboard;

import java.time.Instant;

/** The wall time of events: seconds since the Unix epoch with sub-second precision, as TensorBoard expects. */
final class WallClock {

    private static final double NANOS_PER_SECOND = 1e9;

    private WallClock() {}

    static double seconds() {
        Instant now = Instant.now();
        return now.getEpochSecond() + now.getNano() / NANOS_PER_SECOND;
    }
}
