package dev.ucaudit.capture;

import dev.ucaudit.packet.CaptureProblem;
import dev.ucaudit.packet.PacketSink;
import dev.ucaudit.packet.RawPacket;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Classic pcap files written by {@link PcapWriter}: byte orders, resolutions, gzip, snaplen. */
class PcapFileSourceTest {
    static final long T0 = 1_700_000_000_123_456_789L;

    @TempDir
    Path dir;

    static byte[] frame(int n, int size) {
        byte[] f = new byte[size];
        for (int i = 0; i < size; i++) {
            f[i] = (byte) (n * 31 + i);
        }
        return f;
    }

    private Path write(String name, ByteOrder order, boolean nanos, int count) throws IOException {
        Path file = dir.resolve(name);
        try (PcapWriter w = new PcapWriter(Files.newOutputStream(file), 1, 65535, nanos, order)) {
            for (int i = 0; i < count; i++) {
                w.writePacket(T0 + i * 1_000_001L, frame(i, 60 + i));
            }
        }
        return file;
    }

    @Test
    void littleEndianMicroseconds() throws Exception {
        ReadAll all = ReadAll.read(new PcapFileSource(write("le.pcap", ByteOrder.LITTLE_ENDIAN, false, 5)));
        assertEquals(5, all.packets.size());
        assertTrue(all.problems.isEmpty(), all.problemText());
        ReadAll.Packet p = all.packets.get(3);
        assertEquals(4, p.number());
        assertEquals(1, p.linkType());
        assertEquals((T0 + 3 * 1_000_001L) / 1000 * 1000, p.timestampNanos(), "µs resolution drops the ns");
        assertArrayEquals(frame(3, 63), p.bytes());
        assertEquals(63, p.originalLength());
    }

    @Test
    void bigEndianNanoseconds() throws Exception {
        ReadAll all = ReadAll.read(new PcapFileSource(write("be.pcap", ByteOrder.BIG_ENDIAN, true, 4)));
        assertEquals(4, all.packets.size());
        assertEquals(T0 + 2 * 1_000_001L, all.packets.get(2).timestampNanos());
        assertArrayEquals(frame(2, 62), all.packets.get(2).bytes());
    }

    @Test
    void bothByteOrdersReadTheSame() throws Exception {
        assertEquals(ReadAll.summaries(new PcapFileSource(write("a.pcap", ByteOrder.LITTLE_ENDIAN, true, 7))),
                ReadAll.summaries(new PcapFileSource(write("b.pcap", ByteOrder.BIG_ENDIAN, true, 7))));
    }

    @Test
    void gzipCompressedPcap() throws Exception {
        Path plain = write("p.pcap", ByteOrder.LITTLE_ENDIAN, true, 50);
        Path gz = dir.resolve("p.pcap.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(plain, out);
        }
        assertEquals(ReadAll.summaries(new PcapFileSource(plain)), ReadAll.summaries(new PcapFileSource(gz)));
    }

    @Test
    void linkTypeFieldWithFcsBitsAndSnaplenCut() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PcapWriter w = new PcapWriter(bytes, 0x1000_0000 | 113, 64, false, ByteOrder.LITTLE_ENDIAN)) {
            w.writePacket(T0, frame(1, 200), 0, 64, 200);
        }
        Path file = dir.resolve("fcs.pcap");
        Files.write(file, bytes.toByteArray());
        ReadAll all = ReadAll.read(new PcapFileSource(file));
        assertEquals(113, all.packets.get(0).linkType());
        assertEquals(64, all.packets.get(0).bytes().length);
        assertEquals(200, all.packets.get(0).originalLength());
    }

    @Test
    void recordsLargerThanTheReadBufferAndManyPackets() throws Exception {
        Path file = dir.resolve("many.pcap");
        try (PcapWriter w = PcapWriter.create(file, 1, false)) {
            for (int i = 0; i < 20_000; i++) {
                w.writePacket(T0 + i * 1000L, frame(i, i % 100 == 0 ? 65_000 : 100));
            }
        }
        long[] count = {0};
        long[] bytes = {0};
        new PcapFileSource(file).run(new PacketSink() {
            @Override
            public void packet(RawPacket p) {
                count[0]++;
                bytes[0] += p.length;
                assertEquals(count[0], p.number);
            }

            @Override
            public void problem(CaptureProblem problem) {
                throw new AssertionError(problem.describe());
            }
        });
        assertEquals(20_000, count[0]);
        assertEquals(200L * 65_000 + 19_800L * 100, bytes[0]);
    }

    @Test
    void stopEndsTheRunEarly() throws Exception {
        Path file = write("stop.pcap", ByteOrder.LITTLE_ENDIAN, false, 100);
        PcapFileSource source = new PcapFileSource(file);
        long[] count = {0};
        source.run(new PacketSink() {
            @Override
            public void packet(RawPacket p) {
                if (++count[0] == 10) {
                    source.stop();
                }
            }

            @Override
            public void problem(CaptureProblem problem) {
            }
        });
        assertEquals(10, count[0]);
    }
}
