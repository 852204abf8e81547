package dev.ucaudit.cli;

import dev.ucaudit.testing.ChildJvm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ucaudit.synth.Floods;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The progress line is drawn only on a terminal: ucaudit runs under a real pseudo-terminal
 * ({@code script}), then with stderr on a pipe as under cron, then under the terminal with -q.
 */
@ChildJvm
class ProgressTerminalTest {
    static final String ERASE = "\r\033[K";

    @TempDir
    static Path dir;
    static Path capture;

    @BeforeAll
    static void bigEnoughCapture() throws Exception {
        capture = dir.resolve("scan.pcap");
        Floods.synScan(capture, 150_000); // ~10 MB: reading it takes well over a redraw interval
    }

    /** Runs the command under a pseudo-terminal: stdout and stderr both go to the terminal, which script copies to its stdout. */
    private static StdinAuditTest.Shell underTerminal(String args) throws Exception {
        return StdinAuditTest.sh(dir, "script -qfec \"" + StdinAuditTest.ucaudit().replace("\"", "\\\"") + " " + args + "\" /dev/null");
    }

    @Test
    void progressOnATerminalShowsBytesPercentRateEtaAndFlowsThenClears() throws Exception {
        StdinAuditTest.Shell t = underTerminal("audit --out tty scan.pcap");
        assertEquals(1, t.status(), t.toString());
        String tty = t.out();
        int first = tty.indexOf("\rucaudit: scan.pcap  ");
        assertTrue(first >= 0, "a progress line is drawn: " + tty.substring(0, Math.min(400, tty.length())));
        String line = tty.substring(first + 1, tty.indexOf("\033[K", first));
        assertTrue(line.matches("ucaudit: scan\\.pcap  [0-9.]+ MiB of [0-9.]+ MiB \\(\\d+%\\)  [0-9,]+ packets  [0-9,]+ pkt/s  [0-9,]+ flows  ETA \\d+:\\d\\d"),
                line);
        int summary = tty.lastIndexOf("ucaudit: ", tty.indexOf(" packets, 150000 flows: "));
        assertTrue(summary > first, tty);
        assertTrue(tty.substring(0, summary).endsWith(ERASE), "the line is erased before the summary: "
                + tty.substring(Math.max(0, summary - 200), summary));
    }

    @Test
    void nothingWhenStderrIsNotATerminalOrWithQuiet() throws Exception {
        StdinAuditTest.Shell piped = StdinAuditTest.sh(dir, StdinAuditTest.ucaudit() + " audit --out piped scan.pcap");
        assertEquals(1, piped.status(), piped.toString());
        assertEquals("", piped.err(), "cron and pipes get no progress");
        assertFalse(piped.out().contains("\r"), piped.out());

        StdinAuditTest.Shell quiet = underTerminal("audit -q --out quiet scan.pcap");
        assertEquals(1, quiet.status(), quiet.toString());
        assertEquals("", quiet.out(), "-q on a terminal: nothing but errors");
    }

    @Test
    void liveShowsTheLinkTypeAsTcpdumpAndAPacketCounter() throws Exception {
        LoopbackTraffic.assumeCaptureOnLoopback();
        StdinAuditTest.Shell t = underTerminal("live -i lo --duration 2s --capture-engine pcap4j --out live");
        assertEquals(0, t.status(), t.toString());
        assertTrue(t.out().contains("ucaudit: listening on lo, link-type EN10MB (Ethernet), snapshot length 65535 bytes"), t.out());
        assertTrue(t.out().matches("(?s).*\rucaudit: lo  [0-9,]+ packets captured  [0-9,]+ dropped by kernel  [0-9,]+ dropped by ucaudit  [0-9,]+ flows  0:0\\d\033\\[K.*"),
                t.out());
        assertTrue(t.out().contains(ERASE + "ucaudit: "), "erased before the summary: " + t.out());
    }
}
