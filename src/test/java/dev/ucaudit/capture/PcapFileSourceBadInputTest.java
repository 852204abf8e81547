package dev.ucaudit.capture;

import dev.ucaudit.packet.CaptureProblem;
import dev.ucaudit.packet.PacketSink;
import dev.ucaudit.packet.RawPacket;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ucaudit.decode.DecodeStatus;
import dev.ucaudit.decode.DecodedPacket;
import dev.ucaudit.decode.PacketDecoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged and wrong input: each costs what is damaged, with a message naming file and record. */
class PcapFileSourceBadInputTest {
    static final long T0 = PcapFileSourceTest.T0;

    @TempDir
    Path dir;

    /** Ten records of 60..69 bytes, little-endian µs. */
    private static byte[] tenRecords() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PcapWriter w = new PcapWriter(out, 1)) {
            for (int i = 0; i < 10; i++) {
                w.writePacket(T0 + i * 1_000_000L, PcapFileSourceTest.frame(i, 60 + i));
            }
        }
        return out.toByteArray();
    }

    /** Offset of record {@code n} (1-based) in {@link #tenRecords()}. */
    private static int recordAt(int n) {
        int at = 24;
        for (int i = 0; i < n - 1; i++) {
            at += 16 + 60 + i;
        }
        return at;
    }

    private Path file(String name, byte[] bytes) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        return f;
    }

    @Test
    void truncatedLastRecord() throws Exception {
        byte[] all = tenRecords();
        Path f = file("cut.pcap", Arrays.copyOf(all, all.length - 10));
        ReadAll read = ReadAll.read(new PcapFileSource(f));
        assertEquals(9, read.packets.size());
        assertEquals(1, read.problems.size());
        CaptureProblem p = read.problems.get(0);
        assertEquals(10, p.packetNumber());
        assertEquals(f.toString(), p.source());
        assertEquals("record 10 is cut short: header says 69 bytes, file ends after 59", p.message());
    }

    @Test
    void corruptLengthInTheMiddleIsSkippedAndReadingResynchronises() throws Exception {
        byte[] bytes = tenRecords();
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(recordAt(4) + 8, 0x0010_0000);
        ReadAll read = ReadAll.read(new PcapFileSource(file("corrupt.pcap", bytes)));
        assertEquals(List.of(1L, 2L, 3L, 5L, 6L, 7L, 8L, 9L, 10L),
                read.packets.stream().map(ReadAll.Packet::number).toList());
        assertEquals(2, read.problems.size(), read.problemText());
        assertEquals(4, read.problems.get(0).packetNumber());
        assertTrue(read.problems.get(0).message().startsWith("record 4 (at byte " + recordAt(4)
                + ") says it holds 1048576 bytes"), read.problems.get(0).message());
        assertEquals("skipped 79 bytes after record 4 to reach the next plausible record (at byte " + recordAt(5) + ")",
                read.problems.get(1).message());
        assertEquals((T0 + 4_000_000L) / 1000 * 1000, read.packets.get(3).timestampNanos());
    }

    @Test
    void capturedLongerThanOriginalIsReadAndNotedOnce() throws Exception {
        byte[] bytes = tenRecords();
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(recordAt(2) + 12, 10);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(recordAt(5) + 12, 10);
        ReadAll read = ReadAll.read(new PcapFileSource(file("orig.pcap", bytes)));
        assertEquals(10, read.packets.size(), "libpcap reads such records, and so do we");
        assertEquals(1, read.problems.size(), "noted once per file: " + read.problemText());
        assertTrue(read.problems.get(0).isNote() && read.problems.get(0).message().contains("stores 61 bytes of a packet said to be only 10"),
                read.problemText());
    }

    @Test
    void corruptionWithNothingPlausibleAfterItSkipsToTheEnd() throws Exception {
        byte[] bytes = Arrays.copyOf(tenRecords(), recordAt(3) + 16 + 300);
        Arrays.fill(bytes, recordAt(3) + 16, bytes.length, (byte) 'A');
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(recordAt(3) + 8, 300_000);
        ReadAll read = ReadAll.read(new PcapFileSource(file("tail.pcap", bytes)));
        assertEquals(2, read.packets.size());
        assertEquals("no plausible record follows record 3; the remaining 316 bytes of the file were skipped",
                read.problems.get(1).message());
    }

    @Test
    void garbageInsteadOfAHeader() throws Exception {
        Path f = file("http.txt", "GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        CaptureException e = assertThrows(CaptureException.class, () -> ReadAll.read(new PcapFileSource(f)));
        assertEquals(f + " is not a pcap or pcapng file (starts with bytes 47 45 54 20); convert it with: editcap -F pcap "
                + f + " OUT.pcap", e.getMessage());
    }

    @Test
    void emptyMissingAndShortHeaderFiles() throws Exception {
        Path empty = file("empty.pcap", new byte[0]);
        assertEquals(empty + " is empty",
                assertThrows(CaptureException.class, () -> ReadAll.read(new PcapFileSource(empty))).getMessage());
        Path missing = dir.resolve("nope.pcap");
        assertEquals(missing + " does not exist",
                assertThrows(CaptureException.class, () -> ReadAll.read(new PcapFileSource(missing))).getMessage());
        Path shortHeader = file("short.pcap", Arrays.copyOf(tenRecords(), 10));
        assertTrue(assertThrows(CaptureException.class, () -> ReadAll.read(new PcapFileSource(shortHeader)))
                .getMessage().contains("is cut short inside its pcap file header: 10 of 24 bytes"));
        Path headerOnly = file("header.pcap", Arrays.copyOf(tenRecords(), 24));
        ReadAll none = ReadAll.read(new PcapFileSource(headerOnly));
        assertEquals(0, none.packets.size());
        assertTrue(none.problems.isEmpty());
    }

    @Test
    void truncatedGzipKeepsWhatWasRead() throws Exception {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        try (PcapWriter w = new PcapWriter(plain, 1)) {
            for (int i = 0; i < 2000; i++) {
                w.writePacket(T0 + i, PcapFileSourceTest.frame(i, 200));
            }
        }
        try (OutputStream o = new GZIPOutputStream(gz)) {
            o.write(plain.toByteArray());
        }
        byte[] cut = Arrays.copyOf(gz.toByteArray(), gz.size() / 2);
        ReadAll read = ReadAll.read(new PcapFileSource(file("cut.pcap.gz", cut)));
        assertTrue(read.packets.size() > 100 && read.packets.size() < 2000, "read " + read.packets.size());
        assertEquals(1, read.problems.size(), read.problemText());
        assertTrue(read.problems.get(0).message().contains("gzip stream is cut short")
                || read.problems.get(0).message().contains("is cut short"), read.problemText());
    }

    @Test
    void unknownLinkTypeIsDeliveredAndTheDecoderSaysSo() throws Exception {
        Path f = dir.resolve("dlt147.pcap");
        try (PcapWriter w = PcapWriter.create(f, 147, false)) {
            w.writePacket(T0, new byte[40]);
        }
        ReadAll read = ReadAll.read(new PcapFileSource(f));
        assertEquals(1, read.packets.size());
        ReadAll.Packet p = read.packets.get(0);
        RawPacket raw = new RawPacket().set(f.toString(), 1, p.timestampNanos(), p.linkType(), p.bytes(), 0, 40, 40);
        PacketDecoder decoder = new PacketDecoder();
        assertEquals(DecodeStatus.UNKNOWN_LINK_TYPE, decoder.decode(raw, new DecodedPacket()));
        assertTrue(decoder.lastProblem().startsWith("link type 147 is not one ucaudit decodes"));
    }

    @Test
    void ipv4HeaderWhoseTotalLengthLiesIsMalformedAndTheNextPacketIsFine() throws Exception {
        byte[] good = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 8, 0,
            0x45, 0, 0, 28, 0, 1, 0, 0, 64, 17, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2,
            0x13, (byte) 0xc4, 0x13, (byte) 0xc4, 0, 8, 0, 0};
        byte[] lying = good.clone();
        lying[16] = 0x05;
        lying[17] = (byte) 0xdc; // total length 1500
        Path f = dir.resolve("lie.pcap");
        try (PcapWriter w = PcapWriter.create(f, 1, false)) {
            w.writePacket(T0, lying);
            w.writePacket(T0 + 1000, good);
        }
        PacketDecoder decoder = new PacketDecoder();
        DecodedPacket out = new DecodedPacket();
        List<String> results = new java.util.ArrayList<>();
        new PcapFileSource(f).run(new PacketSink() {
            @Override
            public void packet(RawPacket packet) {
                DecodeStatus s = decoder.decode(packet, out);
                results.add(packet.number + " " + s + (s == DecodeStatus.IP ? " " + out.dstPort : " " + decoder.lastProblem()));
            }

            @Override
            public void problem(CaptureProblem problem) {
                results.add(problem.describe());
            }
        });
        assertEquals(List.of("1 MALFORMED IPv4 header says total length 1500 but only 28 bytes were captured",
                "2 IP 5060"), results);
    }

    @Test
    void pcapngBlockWithMismatchedTrailerIsSkipped() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PcapngWriter w = new PcapngWriter(out)) {
            int i = w.addInterface(1);
            for (int n = 0; n < 4; n++) {
                w.writePacket(i, T0 + n, PcapFileSourceTest.frame(n, 40));
            }
        }
        byte[] bytes = out.toByteArray();
        int epb2 = 28 + 32 + 72; // SHB, IDB, EPB of 72 bytes
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(epb2 + 68, 999);
        ReadAll read = ReadAll.read(new PcapFileSource(file("trailer.pcapng", bytes)));
        assertEquals(List.of(1L, 3L, 4L), read.packets.stream().map(ReadAll.Packet::number).toList());
        assertEquals(2, read.problems.get(0).packetNumber());
        assertEquals("record 2 at byte " + epb2 + " (enhanced packet block) starts with length 72 but ends with length 999",
                read.problems.get(0).message());
        assertEquals("skipped 72 bytes to reach the next plausible block (at byte " + (epb2 + 72) + ")",
                read.problems.get(1).message());
    }

    @Test
    void pcapngBlockWithImpossibleLengthAndCutShortEnd() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PcapngWriter w = new PcapngWriter(out)) {
            int i = w.addInterface(1);
            for (int n = 0; n < 4; n++) {
                w.writePacket(i, T0 + n, PcapFileSourceTest.frame(n, 40));
            }
        }
        byte[] bytes = Arrays.copyOf(out.toByteArray(), out.size() - 20);
        int epb2 = 28 + 32 + 72;
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(epb2 + 4, 70);
        ReadAll read = ReadAll.read(new PcapFileSource(file("len.pcapng", bytes)));
        assertEquals(List.of(1L, 3L), read.packets.stream().map(ReadAll.Packet::number).toList());
        assertTrue(read.problems.get(0).message().endsWith("has an impossible length of 70 bytes"), read.problemText());
        assertEquals("record 4 is cut short: header says 72 bytes, file ends after 52",
                read.problems.get(read.problems.size() - 1).message());
    }
}
