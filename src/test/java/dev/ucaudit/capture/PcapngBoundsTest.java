package dev.ucaudit.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ucaudit.packet.CaptureProblem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile pcapng files: no input grows the reader's memory or time beyond linear. */
class PcapngBoundsTest {
    static final long T0 = PcapFileSourceTest.T0;

    @TempDir
    Path dir;

    /**
     * One damaged block, then {@code junkBytes} of what look like 16 MiB enhanced packet headers
     * (type 6, length 16 MiB, every 8 bytes), then a good packet.
     */
    static byte[] damagedThenFakeHeaders(int junkBytes) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PcapngWriter w = new PcapngWriter(out)) {
            w.writePacket(w.addInterface(1), T0, PcapFileSourceTest.frame(1, 60));
            w.flush();
            ByteBuffer junk = ByteBuffer.allocate(8 + junkBytes).order(ByteOrder.LITTLE_ENDIAN);
            junk.putInt(PcapngReader.EPB).putInt(13); // impossible length: the reader resynchronises here
            while (junk.remaining() >= 8) {
                junk.putInt(PcapngReader.EPB).putInt(PcapngReader.MAX_BLOCK);
            }
            out.write(junk.array());
            w.writePacket(0, T0 + 1000, PcapFileSourceTest.frame(2, 61));
        }
        return out.toByteArray();
    }

    @Test
    void resynchronisationOverFakeLargeBlockHeadersIsLinear() throws Exception {
        byte[] file = damagedThenFakeHeaders(256 * 1024);
        ReadAll all = new ReadAll();
        try (CaptureInput in = new CaptureInput(new ByteArrayInputStream(file))) {
            new PcapngReader("junk.pcapng", new AtomicBoolean()).read(in, all);
            // each byte is copied inside the buffer at most about once (was ~4 GB for this 256 KB file)
            assertTrue(in.movedBytes() <= 2L * file.length, "moved " + in.movedBytes() + " bytes for a file of " + file.length);
        }
        assertEquals(2, all.packets.size(), all.problemText());
        assertArrayEquals(PcapFileSourceTest.frame(2, 61), all.packets.get(1).bytes());
        assertTrue(all.problemText().contains("impossible length of 13"), all.problemText());
    }

    @Test
    void interfacesPerSectionAreCapped() throws Exception {
        Path f = dir.resolve("many.pcapng");
        int declared = PcapngInterfaces.MAX_INTERFACES + 10;
        try (PcapngWriter w = PcapngWriter.create(f)) {
            for (int i = 0; i < declared; i++) {
                w.addInterface(1);
            }
            w.writePacket(0, T0, PcapFileSourceTest.frame(1, 60));
            w.writePacket(declared - 1, T0 + 1000, PcapFileSourceTest.frame(2, 60));
        }
        ReadAll all = ReadAll.read(new PcapFileSource(f));
        assertEquals(1, all.packets.size(), all.problemText());
        assertEquals(1, all.problems.stream().filter(p -> p.kind() == CaptureProblem.Kind.TOO_MANY_INTERFACES).count(), all.problemText());
        assertTrue(all.problems.stream().anyMatch(p -> p.kind() == CaptureProblem.Kind.UNKNOWN_INTERFACE && p.packetNumber() == 2), all.problemText());
        assertTrue(Files.size(f) > 65_536L * 20);
    }
}
