package dev.ucaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DurationsTest {
    @Test
    void readsUnitsAndCombinations() {
        assertEquals(Duration.ofSeconds(30), Durations.parse("30s"));
        assertEquals(Duration.ofMinutes(10), Durations.parse("10m"));
        assertEquals(Duration.ofHours(2), Durations.parse("2h"));
        assertEquals(Duration.ofDays(1), Durations.parse("1d"));
        assertEquals(Duration.ofMinutes(90), Durations.parse("1h30m"));
        assertEquals(Duration.ofMillis(500), Durations.parse("500ms"));
        assertEquals(Duration.ofSeconds(45), Durations.parse("45"));
        assertEquals(Duration.ofHours(1), Durations.parse(" 1H "));
    }

    @Test
    void rejectsNonsenseWithAHint() {
        for (String bad : new String[] {"", "h", "10x", "1h 30m", "-5s", "0s", "1.5h"}) {
            CommandLine.TypeConversionException e = assertThrows(CommandLine.TypeConversionException.class,
                    () -> Durations.parse(bad), bad);
            assertEquals(true, e.getMessage().contains(bad.trim()), e.getMessage());
        }
    }

    @Test
    void formatsBack() {
        assertEquals("1h30m", Durations.format(Duration.ofMinutes(90)));
        assertEquals("1d", Durations.format(Duration.ofDays(1)));
        assertEquals("2s500ms", Durations.format(Duration.ofMillis(2500)));
    }

    @Test
    void sizes() {
        assertEquals(65536, Sizes.parse("65536"));
        assertEquals(512 << 10, Sizes.parse("512k"));
        assertEquals(64 << 20, Sizes.parse("64m"));
        assertEquals(64 << 20, Sizes.parse("64MiB"));
        assertEquals(1L << 30, Sizes.parse("1g"));
        assertThrows(CommandLine.TypeConversionException.class, () -> Sizes.parse("lots"));
        assertThrows(CommandLine.TypeConversionException.class, () -> Sizes.parse("0"));
    }
}
