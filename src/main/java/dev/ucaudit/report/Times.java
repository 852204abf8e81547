package dev.ucaudit.report;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** ISO-8601 UTC times as reports write them. */
public final class Times {
    private Times() {
    }

    public static String iso(long epochNanos) {
        if (epochNanos == Long.MAX_VALUE || epochNanos == Long.MIN_VALUE) {
            return "";
        }
        return DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L),
                Math.floorMod(epochNanos, 1_000_000_000L)));
    }
}
