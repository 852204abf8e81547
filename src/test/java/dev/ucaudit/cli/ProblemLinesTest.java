package dev.ucaudit.cli;

import dev.ucaudit.testing.Cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ucaudit.capture.PcapWriter;
import dev.ucaudit.synth.Frames;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's listener: problems printed one line each, at most 20 per input, all counted. */
class ProblemLinesTest {
    @TempDir
    Path dir;

    @Test
    void twentyLinesPerInputThenOneLineSayingTheRestAreCounted() throws Exception {
        Path f = dir.resolve("liars.pcap");
        try (PcapWriter w = PcapWriter.create(f, 1, false)) {
            for (int i = 0; i < 30; i++) {
                byte[] payload = ("OPTIONS sip:cucm SIP/2.0\r\nCall-ID: " + i + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
                byte[] frame = Frames.ethernet(new byte[] {2, 0, 0, 0, 0, 2}, new byte[] {2, 0, 0, 0, 0, 1}, -1, Frames.ETH_IPV4,
                        Frames.ipv4(new byte[] {10, 20, 0, 21}, new byte[] {10, 10, 1, 11}, 17, i, 0, Frames.udp(5060, 5060, payload)));
                frame[14 + 2] = 0x05; // IPv4 total length 1500+ in a short frame: not decodable
                frame[14 + 3] = (byte) 0xdc;
                w.writePacket(1_700_000_000_000_000_000L + i * 1_000_000L, frame);
            }
        }
        Path out = dir.resolve("r");
        Cli r = Cli.run("audit", "--out", out.toString(), f.toString());
        long packetLines = r.err.lines().filter(l -> l.startsWith("ucaudit: " + f + ": packet ")).count();
        assertEquals(20, packetLines, r.err);
        assertTrue(r.err.contains("ucaudit: " + f + ": more problems; all are counted in summary.json"), r.err);
        assertTrue(r.err.contains(f + ": packet 20: ") && !r.err.contains(f + ": packet 21: "), r.err);
        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(30, s.at("/problems/total").asLong(), "every problem counted, printed or not");
    }
}
