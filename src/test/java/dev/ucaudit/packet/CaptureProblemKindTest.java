package dev.ucaudit.packet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The kinds summary.json and partial audits write: each text names one kind, and is read back as it. */
class CaptureProblemKindTest {
    @Test
    void eachKindIsReadBackFromItsText() {
        Set<String> texts = new HashSet<>();
        for (CaptureProblem.Kind k : CaptureProblem.Kind.values()) {
            assertTrue(texts.add(k.text()), "one text per kind: " + k.text());
            assertEquals(Optional.of(k), CaptureProblem.Kind.of(k.text()));
        }
        assertEquals("truncated", CaptureProblem.Kind.TRUNCATED.text());
        assertEquals(Optional.empty(), CaptureProblem.Kind.of("no-such-kind"));
    }

    @Test
    void onlyNotesMalformedPacketsAndClockJumpsLoseNoData() {
        assertTrue(CaptureProblem.note("a.pcap", "odd").isNote());
        assertFalse(new CaptureProblem("a.pcap", 3, CaptureProblem.Kind.MALFORMED, "bad", false).lostData());
        assertFalse(new CaptureProblem("a.pcap", 3, CaptureProblem.Kind.CLOCK, "back", false).lostData());
        assertTrue(new CaptureProblem("a.pcap", 3, CaptureProblem.Kind.TRUNCATED, "cut", false).lostData());
    }
}
