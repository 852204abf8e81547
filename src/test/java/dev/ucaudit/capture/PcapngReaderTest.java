package dev.ucaudit.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pcapng files written by {@link PcapngWriter}, read through {@link PcapFileSource}. */
class PcapngReaderTest {
    static final long T0 = PcapFileSourceTest.T0;

    @TempDir
    Path dir;

    private Path file(String name, byte[] bytes) throws Exception {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        return f;
    }

    @Test
    void twoInterfacesWithTheirOwnLinkTypesAndResolutions() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PcapngWriter w = new PcapngWriter(out)) {
            int eth = w.addInterface(1, 0, PcapngWriter.NANOS);
            int sll = w.addInterface(113);
            int pow2 = w.addInterface(101, 0, 0x80 | 20);
            w.writeBlock(4, new byte[] {0, 0, 0, 0}); // name resolution block: skipped
            w.writePacket(eth, T0, PcapFileSourceTest.frame(1, 60));
            w.writePacket(sll, T0 + 5_000, PcapFileSourceTest.frame(2, 61));
            w.writePacket(pow2, T0 + 7_000, PcapFileSourceTest.frame(3, 62));
            w.writeBlock(0x00000BAD, new byte[] {1, 2, 3, 4, 5}); // custom block: skipped
        }
        ReadAll all = ReadAll.read(new PcapFileSource(file("two.pcapng", out.toByteArray())));
        assertTrue(all.problems.isEmpty(), all.problemText());
        assertEquals(3, all.packets.size());
        assertEquals(1, all.packets.get(0).linkType());
        assertEquals(T0, all.packets.get(0).timestampNanos());
        assertEquals(113, all.packets.get(1).linkType());
        assertEquals((T0 + 5_000) / 1000 * 1000, all.packets.get(1).timestampNanos());
        assertEquals(101, all.packets.get(2).linkType());
        assertEquals(T0 + 7_000, all.packets.get(2).timestampNanos(), 1_000, "2^-20 s resolution is ~954 ns");
        assertArrayEquals(PcapFileSourceTest.frame(2, 61), all.packets.get(1).bytes());
        assertEquals(3, all.packets.get(2).number());
    }

    @Test
    void sectionsInBothByteOrdersRestartInterfaceNumbering() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PcapngWriter w = new PcapngWriter(out, ByteOrder.BIG_ENDIAN)) {
            w.writePacket(w.addInterface(1), T0, PcapFileSourceTest.frame(1, 40));
            w.startSection(ByteOrder.LITTLE_ENDIAN);
            w.addInterface(0);
            w.writePacket(0, T0 + 1000, PcapFileSourceTest.frame(2, 41));
            w.writeSimplePacket(PcapFileSourceTest.frame(3, 43));
            w.writeObsoletePacket(0, T0 + 3000, PcapFileSourceTest.frame(4, 44));
        }
        ReadAll all = ReadAll.read(new PcapFileSource(file("sections.pcapng", out.toByteArray())));
        assertTrue(all.problems.isEmpty(), all.problemText());
        assertEquals(4, all.packets.size());
        assertEquals(1, all.packets.get(0).linkType());
        assertEquals(0, all.packets.get(1).linkType(), "interface 0 of the second section");
        assertEquals(0, all.packets.get(2).linkType(), "a simple packet uses the section's first interface");
        assertEquals((T0 + 1000) / 1000 * 1000, all.packets.get(2).timestampNanos(), "simple packet takes the previous time");
        assertArrayEquals(PcapFileSourceTest.frame(3, 43), all.packets.get(2).bytes());
        assertEquals((T0 + 3000) / 1000 * 1000, all.packets.get(3).timestampNanos());
        assertArrayEquals(PcapFileSourceTest.frame(4, 44), all.packets.get(3).bytes());
    }

    @Test
    void gzipCompressedPcapng() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PcapngWriter w = new PcapngWriter(out)) {
            int i = w.addInterface(1);
            for (int n = 0; n < 30; n++) {
                w.writePacket(i, T0 + n, PcapFileSourceTest.frame(n, 100));
            }
        }
        Path gz = dir.resolve("x.pcapng.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            o.write(out.toByteArray());
        }
        assertEquals(ReadAll.summaries(new PcapFileSource(file("x.pcapng", out.toByteArray()))),
                ReadAll.summaries(new PcapFileSource(gz)));
        assertEquals(30, ReadAll.read(new PcapFileSource(gz)).packets.size());
    }

    @Test
    void packetForUndeclaredInterfaceIsReportedAndSkipped() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PcapngWriter w = new PcapngWriter(out)) {
            w.writePacket(w.addInterface(1), T0, PcapFileSourceTest.frame(1, 40));
            w.addInterface(1);
            w.writePacket(1, T0, PcapFileSourceTest.frame(2, 40));
            w.writePacket(0, T0, PcapFileSourceTest.frame(3, 40));
        }
        byte[] bytes = out.toByteArray();
        // second EPB: SHB 28 + IDB 32 + EPB 72 + IDB 32 -> interface id at +8
        int epb2 = 28 + 32 + 72 + 32;
        assertEquals(6, bytes[epb2]);
        bytes[epb2 + 8] = 5;
        ReadAll all = ReadAll.read(new PcapFileSource(file("undeclared.pcapng", bytes)));
        assertEquals(2, all.packets.size());
        assertEquals(3, all.packets.get(1).number());
        assertEquals(1, all.problems.size());
        assertEquals(2, all.problems.get(0).packetNumber());
        assertEquals("record 2 is for interface 5, but section 1 declares only 2 interface(s); skipped",
                all.problems.get(0).message());
    }
}
