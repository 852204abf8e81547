package dev.ucaudit.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * ISO-8601 UTC times as reports write them: always with milliseconds
 * ({@code 2026-11-02T09:00:00.000Z}), so that every time has the same width and times sort as text.
 */
public final class Times {
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Times() {
    }

    public static String iso(Instant t) {
        return MILLIS.format(t);
    }

    public static String iso(long epochNanos) {
        if (epochNanos == Long.MAX_VALUE || epochNanos == Long.MIN_VALUE) {
            return "";
        }
        return MILLIS.format(Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L),
                Math.floorMod(epochNanos, 1_000_000_000L)));
    }
}
