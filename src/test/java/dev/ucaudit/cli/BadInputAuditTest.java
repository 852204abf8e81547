package dev.ucaudit.cli;

import dev.ucaudit.testing.Cli;
import dev.ucaudit.testing.ChildJvm;
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
 * Bad captures through the real command line. Damage inside a readable file: the run writes the report of
 * what it could read, marked INCOMPLETE, names the file and packet on stderr, and counts the damage in
 * summary.json. An input that cannot be used at all: exit 2 and the report already in --out untouched.
 */
@ChildJvm
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
        assertEquals(2, r.status, "a damaged record makes the report incomplete: exit 2 even though nothing is undocumented: " + r);
        assertIncomplete(out, r, f);
    }

    /** Damage inside a readable file: banner at the top of report.html, complete false in summary.json, first stdout line. */
    private void assertIncomplete(Path out, Cli r, Path f) throws Exception {
        JsonNode s = summary(out);
        assertFalse(s.at("/complete").asBoolean(true), "summary.json complete: false");
        assertTrue(s.at("/incomplete_reasons/0").asText().contains(f.toString()), s.toString());
        String html = Files.readString(out.resolve("report.html"));
        int banner = html.indexOf("INCOMPLETE");
        assertTrue(banner > 0 && banner < html.indexOf("<h1>"), "INCOMPLETE banner above everything else");
        assertFalse(html.contains("Every flow is documented"), "never says every flow is documented");
        assertTrue(r.out.startsWith("ucaudit: INCOMPLETE"), "first stdout line: " + r.out);
    }

    @Test
    void completeReportSaysSo() throws Exception {
        Path out = dir.resolve("r");
        Cli r = Cli.run("audit", "--out", out.toString(), fiveGoodPackets("g.pcap").toString());
        assertEquals(0, r.status, r.toString());
        assertTrue(summary(out).at("/complete").asBoolean(false));
        assertEquals(0, summary(out).at("/incomplete_reasons").size());
        assertFalse(Files.readString(out.resolve("report.html")).contains("INCOMPLETE"));
        assertFalse(r.out.contains("INCOMPLETE"), r.out);
    }

    @Test
    void truncatedTailMarksTheReportIncomplete() throws Exception {
        Path f = fiveGoodPackets("tail.pcap");
        byte[] bytes = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(bytes, bytes.length - 10));
        Path out = dir.resolve("r");
        Cli r = Cli.run("audit", "--out", out.toString(), f.toString());
        assertEquals(2, r.status, r.toString());
        assertIncomplete(out, r, f);
    }

    /** A report already in --out, and the bytes of each of its files. */
    private java.util.Map<String, byte[]> goodReport(Path out) throws Exception {
        Cli first = Cli.run("audit", "--out", out.toString(), fiveGoodPackets("first.pcap").toString());
        assertEquals(0, first.status, first.toString());
        java.util.Map<String, byte[]> files = new java.util.TreeMap<>();
        try (var s = Files.list(out)) {
            for (Path p : s.toList()) {
                files.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }

    private static void assertUntouched(Path out, java.util.Map<String, byte[]> before) throws Exception {
        java.util.Map<String, byte[]> now = new java.util.TreeMap<>();
        try (var s = Files.list(out)) {
            for (Path p : s.toList()) {
                now.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        assertEquals(before.keySet(), now.keySet(), "no file added or removed in --out");
        before.forEach((k, v) -> assertTrue(Arrays.equals(v, now.get(k)), k + " unchanged"));
    }

    @Test
    void unusableInputsLeaveTheOldReportUntouched() throws Exception {
        Path out = dir.resolve("r");
        java.util.Map<String, byte[]> before = goodReport(out);
        Path good = fiveGoodPackets("good.pcap");
        Path garbage = dir.resolve("garbage.pcap");
        byte[] g = Files.readAllBytes(good);
        for (int i = 24; i < g.length; i++) {
            g[i] = (byte) 0xff; // a pcap header followed by nothing readable: non-empty, no packet
        }
        Files.write(garbage, g);
        String typo = dir.resolve("good.pcapp").toString();
        Path badInventory = dir.resolve("inv.csv");
        Files.writeString(badInventory, "not,an,inventory\n");
        String[][] runs = {
            {"audit", "--out", out.toString(), good.toString(), typo},
            {"audit", "--out", out.toString(), "--inventory", dir.resolve("nosuch.csv").toString(), good.toString()},
            {"audit", "--out", out.toString(), "--inventory", badInventory.toString(), good.toString()},
            {"audit", "--out", out.toString(), "--catalog", dir.resolve("nosuch.csv").toString(), good.toString()},
            {"audit", "--out", out.toString(), "--allowed", dir.resolve("nosuch.csv").toString(), good.toString()},
            {"audit", "--out", out.toString(), "--state", badInventory.toString(), good.toString()},
            {"audit", "--out", out.toString(), good.toString(), garbage.toString()},
            {"audit", "--out", out.toString(), "--reader", "libpcap", good.toString(), garbage.toString()},
            {"audit", "--out", out.toString(), good.toString(), dir.toString()},
        };
        for (String[] args : runs) {
            Cli r = Cli.run(args);
            assertNoStackTrace(r);
            assertEquals(2, r.status, String.join(" ", args) + "\n" + r);
            assertTrue(r.err.startsWith("ucaudit: "), r.err);
            assertUntouched(out, before);
        }
    }

    @Test
    void corruptAndTruncatedGzipFailClosedWithBothReaders() throws Exception {
        Path plain = dir.resolve("many.pcap");
        try (PcapWriter w = PcapWriter.create(plain, 1, false)) {
            for (int i = 0; i < 400; i++) {
                w.writePacket(1_700_000_000_000_000_000L + i * 1_000_000L, sip(i));
            }
        }
        java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(gz)) {
            z.write(Files.readAllBytes(plain));
        }
        byte[] whole = gz.toByteArray();
        Path truncated = dir.resolve("cut.pcap.gz");
        Files.write(truncated, Arrays.copyOf(whole, whole.length * 2 / 3));
        Path corrupt = dir.resolve("flipped.pcap.gz");
        byte[] flipped = whole.clone();
        flipped[whole.length / 2] ^= (byte) 0xff;
        flipped[whole.length / 2 + 1] ^= 0x55;
        Files.write(corrupt, flipped);
        long[] cutPackets = new long[2];
        String[] readers = {"builtin", "libpcap"};
        for (int i = 0; i < 2; i++) {
            Path out = dir.resolve("cut-" + readers[i]);
            Cli r = Cli.run("audit", "--reader", readers[i], "--fail-on", "none", "--out", out.toString(), truncated.toString());
            assertNoStackTrace(r);
            assertEquals(2, r.status, readers[i] + ": a cut-short gzip is damage, also with --fail-on none: " + r);
            cutPackets[i] = summary(out).at("/packets/read").asLong();
            assertTrue(cutPackets[i] > 0 && cutPackets[i] < 400, readers[i] + " read " + cutPackets[i]);
            assertIncomplete(out, r, truncated);

            Path out2 = dir.resolve("flip-" + readers[i]);
            Cli c = Cli.run("audit", "--reader", readers[i], "--fail-on", "none", "--out", out2.toString(), corrupt.toString());
            assertNoStackTrace(c);
            assertEquals(2, c.status, readers[i] + ": corrupt gzip: " + c);
            if (Files.exists(out2.resolve("summary.json"))) {
                assertIncomplete(out2, c, corrupt);
            }
        }
        assertEquals(cutPackets[0], cutPackets[1], "both readers read the same packets of a cut-short gzip");
    }

    @Test
    void captureFromAPipeIsReadOnceWithBothReaders() throws Exception {
        Path f = fiveGoodPackets("piped.pcap");
        for (String reader : new String[] {"builtin", "libpcap"}) {
            Path fifo = dir.resolve("fifo-" + reader);
            assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
            Process feeder = new ProcessBuilder("sh", "-c", "cat '" + f + "' > '" + fifo + "'").start();
            Path out = dir.resolve("pipe-" + reader);
            Cli r = Cli.run("audit", "--reader", reader, "--out", out.toString(), fifo.toString());
            feeder.waitFor();
            assertEquals(0, r.status, reader + ": " + r);
            assertEquals(5, summary(out).at("/packets/read").asLong(), reader);
        }
    }

    @Test
    void sameCaptureTwiceIsReadOnce() throws Exception {
        Path f = fiveGoodPackets("twice.pcap");
        Path link = dir.resolve("link.pcap");
        Files.createSymbolicLink(link, f);
        Path out = dir.resolve("r");
        Cli r = Cli.run("audit", "--out", out.toString(), f.toString(), link.toString(),
                dir.resolve("./twice.pcap").toString());
        assertEquals(5, summary(out).at("/packets/read").asLong(), r.toString());
        assertEquals(1, summary(out).at("/inputs").size());
        assertTrue(r.err.contains("warning: " + link + " is the same file as " + f), r.err);
    }

    @Test
    void garbageInsteadOfHeaderIsRefusedBeforeAnythingIsRead() throws Exception {
        Path bad = dir.resolve("notes.pcap");
        Files.writeString(bad, "GET / HTTP/1.1\r\nHost: example\r\n\r\n");
        Path good = fiveGoodPackets("good.pcap");
        Path out = dir.resolve("r");
        Cli r = Cli.run("audit", "--out", out.toString(), good.toString(), bad.toString());
        assertNoStackTrace(r);
        assertEquals(2, r.status, "unreadable input is exit status 2");
        assertTrue(r.err.contains(bad.toString()) && r.err.contains("not a pcap or pcapng file"), r.err);
        assertTrue(r.err.contains("editcap"), "says how to convert: " + r.err);
        assertFalse(Files.exists(out), "no report of the other files: fail closed");
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
        assertFalse(Files.exists(out), "no report");
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
