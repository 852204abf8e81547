package dev.ucaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

    /** Runs ucaudit's main class under env -i and /bin/sh; returns stdout and stderr as the bytes were, read as UTF-8. */
    private String[] run(String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of("env", "-i", "CP=" + System.getProperty("java.class.path"), "/bin/sh", "-c",
                "exec " + java + " -Xmx256m -cp \"$CP\" dev.ucaudit.cli.Main \"$@\"", "ucaudit"));
        cmd.addAll(List.of(args));
        Path out = dir.resolve("stdout");
        Path err = dir.resolve("stderr");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return new String[] {Integer.toString(p.exitValue()), Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8)};
    }

    @Test
    void withoutALocaleTheSummaryAndTheJsonLinesAreUtf8() throws Exception {
        String[] text = run("audit", "--inventory", INVENTORY, "--out", dir.resolve("r").toString(), PCAP);
        assertEquals("1", text[0], text[2]);
        assertTrue(text[1].contains("e.g. 10.99.0.66 → 10.10.1.10"), text[1]);
        assertFalse(text[1].contains(" ? "), text[1]);
        String[] jsonl = run("audit", "--inventory", INVENTORY, "--format", "jsonl", "-q", "--out", dir.resolve("r2").toString(), PCAP);
        assertEquals("1", jsonl[0], jsonl[2]);
        assertTrue(jsonl[1].contains("(phone → cucm 5060/tcp/udp)"), jsonl[1]);
        assertFalse(jsonl[1].contains(" ? "), jsonl[1]);
    }
}
