package dev.ucaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ucaudit.capture.PcapWriter;
import dev.ucaudit.synth.Frames;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad captures through the real command line: each run still writes the report of what it could
 * read, names the file and packet on stderr, and counts the damage in summary.json.
 */
class BadInputAuditTest {
    private static final byte[] MAC1 = {2, 0, 0, 0, 0, 1};
    private static final byte[] MAC2 = {2, 0, 0, 0, 0, 2};
    private static final byte[] PHONE = {10, 20, 0, 21};
    private static final byte[] CUCM = {10, 10, 1, 11};

    @TempDir
    Path dir;

    /** Five UDP packets phone:5060 -> cucm:5060, each 60 bytes of payload; returns the file. */
    private Path fiveGoodPackets(String name) throws Exception {
        Path f = dir.resolve(name);
        try (PcapWriter w = PcapWriter.create(f, 1, false)) {
            for (int i = 0; i < 5; i++) {
                w.writePacket(1_700_000_000_000_000_000L + i * 1_000_000L, sip(i));
            }
        }
        return f;
    }

    private static byte[] sip(int i) {
        byte[] payload = ("OPTIONS sip:cucm SIP/2.0\r\nCall-ID: " + i + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        return Frames.ethernet(MAC2, MAC1, -1, Frames.ETH_IPV4,
                Frames.ipv4(PHONE, CUCM, 17, i, 0, Frames.udp(5060, 5060, payload)));
    }

    private JsonNode summary(Path out) throws Exception {
        return new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    }

    private static void assertReportComplete(Path out) {
        for (String f : new String[] {"flows.csv", "conversations.csv", "unused.csv", "summary.json", "report.html"}) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f + " written");
        }
    }

    private static void assertNoStackTrace(Cli r) {
        assertFalse(r.err.contains("\tat ") || r.err.contains("Exception"), "no stack trace:\n" + r.err);
    }

    @Test
    void truncatedLastRecordCostsOnlyThatRecord() throws Exception {
        Path f = fiveGoodPackets("cut.pcap");
        byte[] bytes = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(bytes, bytes.length - 10));
        Path out = dir.resolve("r");
        Cli r = Cli.run("audit", "--out", out.toString(), f.toString());
        assertNoStackTrace(r);
        assertReportComplete(out);
        assertTrue(r.err.contains(f + ": packet 5: "), r.toString());
        assertEquals(4, summary(out).at("/packets/read").asLong());
        assertEquals(1, summary(out).at("/problems/total").asLong());
        assertEquals(5, summary(out).at("/problems/listed/0/packet").asLong());
        assertEquals(1, summary(out).at("/flows/total").asLong());
    }

    @Test
    void corruptRecordLengthCostsThatRecordAndReadingResumes() throws Exception {
        Path f = fiveGoodPackets("corrupt.pcap");
        byte[] bytes = Files.readAllBytes(f);
        int recordLen = 16 + sip(0).length;
        int third = 24 + 2 * recordLen;
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(third + 8, 0x7fff0000);
        Files.write(f, bytes);
        Path out = dir.resolve("r");
        Cli r = Cli.run("audit", "--out", out.toString(), f.toString());
        assertNoStackTrace(r);
        assertReportComplete(out);
        assertTrue(r.err.contains(f + ": packet 3: "), r.toString());
        assertEquals(4, summary(out).at("/packets/read").asLong(), "packets 1, 2, 4, 5 are read");
        assertTrue(summary(out).at("/problems/total").asLong() >= 1);
        assertEquals(0, r.status, "a damaged record is not an unreadable file, and nothing is undocumented: " + r);
    }

    @Test
    void garbageInsteadOfHeaderIsUnreadableButOtherFilesAreAudited() throws Exception {
        Path bad = dir.resolve("notes.pcap");
        Files.writeString(bad, "GET / HTTP/1.1\r\nHost: example\r\n\r\n");
        Path good = fiveGoodPackets("good.pcap");
        Path out = dir.resolve("r");
        Cli r = Cli.run("audit", "--out", out.toString(), bad.toString(), good.toString());
        assertNoStackTrace(r);
        assertReportComplete(out);
        assertEquals(2, r.status, "unreadable input is exit status 2");
        assertTrue(r.err.contains(bad.toString()) && r.err.contains("not a pcap or pcapng file"), r.err);
        assertTrue(r.err.contains("editcap"), "says how to convert: " + r.err);
        JsonNode s = summary(out);
        assertEquals(5, s.at("/packets/read").asLong());
        assertFalse(s.at("/inputs/0/error").asText().isEmpty());
        assertFalse(s.at("/inputs/0/read_completely").asBoolean());
        assertTrue(s.at("/inputs/1/read_completely").asBoolean());
    }

    @Test
    void emptyFileIsUnreadable() throws Exception {
        Path f = dir.resolve("empty.pcap");
        Files.write(f, new byte[0]);
        Path out = dir.resolve("r");
        Cli r = Cli.run("audit", "--out", out.toString(), f.toString());
        assertNoStackTrace(r);
        assertEquals(2, r.status);
        assertTrue(r.err.contains(f + "") && r.err.contains("empty"), r.err);
        assertReportComplete(out);
        assertEquals(0, summary(out).at("/packets/read").asLong());
    }

    @Test
    void unknownLinkTypeIsCountedAndNamed() throws Exception {
        Path f = dir.resolve("user0.pcap");
        try (PcapWriter w = PcapWriter.create(f, 147, false)) {
            for (int i = 0; i < 3; i++) {
                w.writePacket(1_700_000_000_000_000_000L + i, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
            }
        }
        Path out = dir.resolve("r");
        Cli r = Cli.run("audit", "--out", out.toString(), f.toString());
        assertNoStackTrace(r);
        assertReportComplete(out);
        assertTrue(r.err.contains(f + ": packet 1: ") && r.err.contains("147"), r.err);
        JsonNode s = summary(out);
        assertEquals(3, s.at("/packets/read").asLong());
        assertEquals(3, s.at("/packets/not_decodable").asLong());
        assertEquals(3, s.at("/packets/unknown_link_types/147").asLong());
        assertEquals(1, s.at("/problems/total").asLong(), "reported once per file and link type");
    }

    @Test
    void ipHeaderLyingAboutItsLengthCostsThatPacketOnly() throws Exception {
        Path f = dir.resolve("liar.pcap");
        try (PcapWriter w = PcapWriter.create(f, 1, false)) {
            w.writePacket(1_700_000_000_000_000_000L, sip(0));
            byte[] liar = sip(1);
            liar[14 + 2] = 0x05; // IPv4 total length 1500+ in a short frame
            liar[14 + 3] = (byte) 0xdc;
            w.writePacket(1_700_000_000_001_000_000L, liar);
            w.writePacket(1_700_000_000_002_000_000L, sip(2));
        }
        Path out = dir.resolve("r");
        Cli r = Cli.run("audit", "--out", out.toString(), f.toString());
        assertNoStackTrace(r);
        assertReportComplete(out);
        assertTrue(r.err.contains(f + ": packet 2: "), r.err);
        JsonNode s = summary(out);
        assertEquals(3, s.at("/packets/read").asLong());
        assertEquals(1, s.at("/packets/not_decodable").asLong());
        assertEquals(2, s.at("/packets/ip").asLong(), "the two honest packets are decoded");
        assertEquals(1, s.at("/flows/total").asLong(), "one flow of the two honest packets");
    }

    @Test
    void missingCaptureIsExitTwoWithItsName() throws Exception {
        Path out = dir.resolve("r");
        Cli r = Cli.run("audit", "--out", out.toString(), dir.resolve("nope.pcap").toString());
        assertNoStackTrace(r);
        assertEquals(2, r.status);
        assertTrue(r.err.contains("nope.pcap"), r.err);
    }

    @Test
    void badInventoryRowsAreNamedAndTheRunGoesOn() throws Exception {
        Path inv = dir.resolve("inv.csv");
        Files.writeString(inv, "address,role,name\n10.10.1.11,cucm,ok\n10.20.0.300,phone,bad\n");
        Path out = dir.resolve("r");
        Cli r = Cli.run("audit", "--inventory", inv.toString(), "--out", out.toString(), fiveGoodPackets("g.pcap").toString());
        assertNoStackTrace(r);
        assertEquals(2, r.status);
        assertTrue(r.err.contains(inv + ":3: '10.20.0.300'"), r.err);
        assertReportComplete(out);
        assertEquals(1, summary(out).at("/inventory/problems").size());
    }
}
