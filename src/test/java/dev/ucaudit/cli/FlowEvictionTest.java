package dev.ucaudit.cli;

import dev.ucaudit.testing.Cli;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ucaudit.capture.PcapWriter;
import dev.ucaudit.synth.Frames;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flows that leave the bounded flow table before the end of the input still reach the report. */
class FlowEvictionTest {
    private static final byte[] MAC = {2, 0, 0, 0, 0, 1};
    private static final long T0 = 1_700_000_000_000_000_000L;

    @TempDir
    Path dir;

    private static byte[] udp(int host, int srcPort, int dstPort) {
        byte[] src = {10, 20, 0, (byte) host};
        byte[] dst = {10, 10, 1, 11};
        return Frames.ethernet(MAC, MAC, -1, Frames.ETH_IPV4, Frames.ipv4(src, dst, 17, 1, 0, Frames.udp(srcPort, dstPort, new byte[20])));
    }

    @Test
    void idleFlowsExpireOnCaptureTimeIntoTheReport() throws Exception {
        Path f = dir.resolve("idle.pcap");
        try (PcapWriter w = PcapWriter.create(f, 1, false)) {
            w.writePacket(T0, udp(21, 5060, 5060));
            w.writePacket(T0 + 1_000_000L, udp(21, 5060, 5060));
            // 600 s later (capture time): the same 5-tuple again, and 10,000 other packets after it
            w.writePacket(T0 + 600_000_000_000L, udp(21, 5060, 5060));
            for (int i = 0; i < 10_000; i++) {
                w.writePacket(T0 + 600_000_000_000L + i, udp(22, 5060, 5060));
            }
        }
        Path out = dir.resolve("r");
        Cli r = Cli.run("audit", "--idle-timeout", "300", "--out", out.toString(), f.toString());
        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(3, s.at("/flows/total").asLong(), r.toString());
        assertEquals(1, s.at("/flows/evicted_idle").asLong(), "the first flow went idle and left the table");
        assertEquals(10_003, s.at("/packets/read").asLong());
    }

    @Test
    void flowsPushedOutBySizeAreStillCounted() throws Exception {
        Path f = dir.resolve("many.pcap");
        try (PcapWriter w = PcapWriter.create(f, 1, false)) {
            for (int i = 0; i < 5_000; i++) {
                w.writePacket(T0 + i * 1000L, udp(21, 20000 + i, 5060));
            }
        }
        Path out = dir.resolve("r");
        Cli.run("audit", "--max-flows", "100", "--max-flow-rows", "1000", "--out", out.toString(), f.toString());
        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(5_000, s.at("/flows/total").asLong());
        assertEquals(1_000, s.at("/flows/rows_written").asLong());
        assertEquals(4_000, s.at("/flows/rows_not_written").asLong());
        assertEquals(true, s.at("/flows/evicted_size").asLong() >= 4_800, s.get("flows").toString());
    }

    @Test
    void hostPairsBeyondTheBoundAreCountedNotListed() throws Exception {
        Path f = dir.resolve("sweep.pcap");
        try (PcapWriter w = PcapWriter.create(f, 1, false)) {
            for (int i = 0; i < 3_000; i++) {
                byte[] src = {10, 20, (byte) (i >> 8), (byte) i};
                byte[] dst = {10, 10, 1, 11};
                w.writePacket(T0 + i * 1000L, Frames.ethernet(MAC, MAC, -1, Frames.ETH_IPV4,
                        Frames.ipv4(src, dst, 17, 1, 0, Frames.udp(5060, 5060, new byte[20]))));
            }
        }
        Path out = dir.resolve("r");
        Cli r = Cli.run("audit", "--max-conversations", "1000", "--out", out.toString(), f.toString());
        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(3_000, s.at("/flows/total").asLong(), r.toString());
        assertEquals(1_000, s.at("/conversations/total").asLong());
        assertEquals(2_000, s.at("/conversations/pairs_not_listed").asLong());
        assertEquals(2_000, s.at("/conversations/flows_of_pairs_not_listed").asLong());
        assertEquals(1_001, java.nio.file.Files.readAllLines(out.resolve("conversations.csv")).size(), "header + 1,000 pairs");
        org.junit.jupiter.api.Assertions.assertTrue(r.out.contains("2,000 more host pairs"), r.out);
    }
}
