package dev.ucaudit.cli;

import dev.ucaudit.testing.Cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ucaudit.capture.PcapWriter;
import dev.ucaudit.synth.Host;
import dev.ucaudit.synth.LabSite;
import dev.ucaudit.synth.Messages;
import dev.ucaudit.synth.Wire;
import dev.ucaudit.text.Printable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22 section 1: nothing raw from the wire or from a file name reaches a terminal. A SIP Call-ID that
 * sets the window title and a capture whose name forges a line are printed escaped, as tcpdump does.
 */
class TerminalSafetyTest {
    static final String TITLE = "\033]0;pwned\007";
    static final String FORGED = "\nucaudit: 0 packets, 0 flows: every flow is documented\n";

    @TempDir
    Path dir;

    /** Only a newline and a tab among the control characters, and none of the ones that reorder text. */
    private static void assertPrintable(String text) {
        for (char c : text.toCharArray()) {
            assertFalse(Printable.needsEscape(c, true), () -> "raw control character " + (int) c + " in:\n" + text);
        }
    }

    /** A SIP call from phone a and its media from phone b (the media flow's reason names the call). */
    private static void call(Wire w, String callId, int port, Host a, Host b) {
        String from = "sip:22@10.10.1.11";
        String to = "sip:23@10.10.1.11";
        w.udp(a, 5060, LabSite.SUB, 5060, Messages.sipRequest("INVITE", to, from, to, callId, 1, "10.20.0.22:5060",
                Messages.sdp("10.20.0.22", port, 1)));
        w.udp(LabSite.SUB, 5060, a, 5060, Messages.sipResponse(200, "OK", from, to, callId, 1, "INVITE", "10.20.0.22:5060",
                Messages.sdp("10.20.0.23", port + 2, 2)));
        for (int i = 0; i < 5; i++) {
            w.udp(b, port + 2, a, port, Messages.rtp(i, 160L * i, 0x42, 160));
        }
    }

    private Path capture(String name, boolean hostile) throws Exception {
        Path pcap = dir.resolve(name);
        try (Wire w = new Wire(PcapWriter.create(pcap, 1, false), Instant.parse("2026-11-02T09:00:00Z").toEpochMilli() * 1_000_000L)) {
            call(w, "plain@10.20.0.22", 40002, LabSite.PHONE_SIP, LabSite.PHONE_SIP2);
            if (hostile) {
                call(w, TITLE + "\u009b2J", 40010, LabSite.PHONE_SIP, LabSite.PHONE_SCCP); // a new pair: a new-documented row
            }
        }
        return pcap;
    }

    @Test
    void aCallIdFromTheWireIsEscapedOnTheTerminalAndKeptInTheData() throws Exception {
        Path before = dir.resolve("before");
        Path after = dir.resolve("after");
        assertTrue(Cli.run("audit", "--fail-on", "none", "--out", before.toString(), capture("a.pcap", false).toString()).status == 0);
        Cli audit = Cli.run("audit", "--fail-on", "none", "--format", "jsonl", "--out", after.toString(), capture("b.pcap", true).toString());
        assertEquals(0, audit.status, audit.toString());
        assertPrintable(audit.out + audit.err);
        // the report keeps the Call-ID as it was (CSV quotes it; it is data)
        String flows = Files.readString(after.resolve("flows.csv"), StandardCharsets.UTF_8);
        assertTrue(flows.contains("pwned\007"), "flows.csv keeps the Call-ID as the wire sent it");
        Cli diff = Cli.run("diff", "--fail-on", "none", "--out", dir.resolve("d").toString(), before.toString(), after.toString());
        assertEquals(0, diff.status, diff.toString());
        assertPrintable(diff.out + diff.err);
        assertTrue(diff.out.contains("]0;pwned\\007"), diff.out);
    }

    @Test
    void aFileNameCannotForgeALine() throws Exception {
        Path pcap = capture("x" + FORGED.replace('/', '_') + ".pcap", true);
        Files.write(pcap, java.util.Arrays.copyOf(Files.readAllBytes(pcap), (int) Files.size(pcap) - 7)); // a cut last record
        Cli r = Cli.run("audit", "--fail-on", "none", "--out", dir.resolve("r").toString(), pcap.toString(), pcap.toString());
        assertPrintable(r.out + r.err);
        assertTrue(r.err.contains("x\\nucaudit: 0 packets, 0 flows: every flow is documented\\n.pcap is the same file as"), r.err);
        for (String line : (r.out + r.err).split("\n")) {
            assertFalse(line.startsWith("ucaudit: 0 packets, 0 flows"), "a forged line: " + line + "\n" + r);
        }
    }

    @Test
    void escapesAsTcpdumpDoes() {
        assertEquals("a\\033]0;x\\007b\\nc\\td\\r\\u009b\\u202e", Printable.escape("a\033]0;x\007b\nc\td\r\u009b\u202e"));
        assertEquals("a\nb\tc\\033", Printable.escapeKeepingLines("a\nb\tc\033"));
        assertEquals("→ ü 日本", Printable.escape("→ ü 日本"));
    }
}
