package dev.ucaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22 section 1: ucaudit's JVM started as cron starts it (env -i, /bin/sh, no LANG) writes UTF-8: the
 * arrows of the summary and of --format jsonl are arrows, never '?'.
 */
class LocaleTest {
    static final String PCAP = Path.of("captures/lab-site.pcap").toAbsolutePath().toString();
    static final String INVENTORY = Path.of("captures/lab-site-inventory.csv").toAbsolutePath().toString();

    @TempDir
    Path dir;

    @Test
    void withoutALocaleTheSummaryAndTheJsonLinesAreUtf8() throws Exception {
        Person text = Person.run(dir, "audit", "--inventory", INVENTORY, "--out", dir.resolve("r").toString(), PCAP);
        assertEquals(1, text.status(), text.toString());
        assertTrue(text.out().contains("e.g. 10.99.0.66 → 10.10.1.10"), text.out());
        assertFalse(text.out().contains(" ? "), text.out());
        Person jsonl = Person.run(dir, "audit", "--inventory", INVENTORY, "--format", "jsonl", "-q", PCAP);
        assertEquals(1, jsonl.status(), jsonl.toString());
        assertTrue(jsonl.out().contains("(phone → cucm 5060/tcp/udp)"), jsonl.out());
        assertFalse(jsonl.out().contains(" ? "), jsonl.out());
    }
}
