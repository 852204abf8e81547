package dev.ucaudit.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** libpcap through pcap4j reads the same packets and timestamps as the built-in reader. */
class Pcap4jFileSourceTest {
    @TempDir
    Path dir;

    private Path written(boolean nanos) throws Exception {
        Path f = dir.resolve(nanos ? "ns.pcap" : "us.pcap");
        try (PcapWriter w = PcapWriter.create(f, 1, nanos)) {
            for (int i = 0; i < 25; i++) {
                w.writePacket(PcapFileSourceTest.T0 + i * 123_456_789L, PcapFileSourceTest.frame(i, 50 + i * 7));
            }
        }
        return f;
    }

    @Test
    void sameAsBuiltInReaderForMicroAndNanoFiles() throws Exception {
        for (boolean nanos : new boolean[] {false, true}) {
            Path f = written(nanos);
            List<String> libpcap = ReadAll.summaries(new Pcap4jFileSource(f));
            assertEquals(25, libpcap.size());
            assertEquals(ReadAll.summaries(new PcapFileSource(f)), libpcap);
        }
    }

    @Test
    void gzipIsDecompressedFirst() throws Exception {
        Path f = written(true);
        Path gz = dir.resolve("ns.pcap.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(f, o);
        }
        assertEquals(ReadAll.summaries(new PcapFileSource(f)), ReadAll.summaries(new Pcap4jFileSource(gz)));
    }

    @Test
    void notACaptureAndMissingFile() throws Exception {
        Path junk = dir.resolve("junk.bin");
        Files.writeString(junk, "this is not a capture at all, just some text");
        CaptureException e = assertThrows(CaptureException.class, () -> ReadAll.read(new Pcap4jFileSource(junk)));
        assertTrue(e.getMessage().startsWith(junk + " cannot be read by libpcap: "), e.getMessage());
        assertTrue(e.getMessage().contains("editcap -F pcap"), e.getMessage());
        Path missing = dir.resolve("missing.pcap");
        assertEquals(missing + " does not exist",
                assertThrows(CaptureException.class, () -> ReadAll.read(new Pcap4jFileSource(missing))).getMessage());
    }
}
