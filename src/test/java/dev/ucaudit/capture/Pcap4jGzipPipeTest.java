package dev.ucaudit.capture;

import dev.ucaudit.packet.CaptureProblem;
import dev.ucaudit.packet.PacketSink;
import dev.ucaudit.packet.RawPacket;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --reader libpcap} on a gzip file: libpcap reads it through a pipe while it is being
 * decompressed; no decompressed copy is ever written to the temporary folder, and nothing is left.
 */
class Pcap4jGzipPipeTest {
    @TempDir
    Path dir;

    /** Regular files under the temporary folder's ucaudit-* entries whose size is {@code size}. */
    private static List<Path> copiesOfSize(long size) throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        List<Path> found = new ArrayList<>();
        try (Stream<Path> top = Files.list(tmp)) {
            for (Path p : top.filter(p -> p.getFileName().toString().startsWith("ucaudit-")).toList()) {
                try (Stream<Path> all = Files.walk(p)) {
                    all.filter(Files::isRegularFile).filter(f -> {
                        try {
                            return Files.size(f) == size;
                        } catch (IOException e) {
                            return false;
                        }
                    }).forEach(found::add);
                } catch (IOException | RuntimeException gone) {
                    // removed while we looked
                }
            }
        }
        return found;
    }

    @Test
    void gzipReachesLibpcapThroughAPipeNotATemporaryFile() throws Exception {
        Path f = dir.resolve("big.pcap");
        try (PcapWriter w = PcapWriter.create(f, 1, true)) {
            for (int i = 0; i < 2_000; i++) {
                w.writePacket(PcapFileSourceTest.T0 + i * 1_000L, PcapFileSourceTest.frame(i, 200));
            }
        }
        long size = Files.size(f);
        Path gz = dir.resolve("big.pcap.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(f, o);
        }
        List<Path> seen = new ArrayList<>();
        ReadAll all = new ReadAll();
        PacketSink looking = new PacketSink() {
            @Override
            public void packet(RawPacket p) {
                all.packet(p);
                if (p.number == 1_000) {
                    try {
                        seen.addAll(copiesOfSize(size));
                    } catch (IOException e) {
                        throw new RuntimeException(e);
                    }
                }
            }

            @Override
            public void problem(CaptureProblem problem) {
                all.problem(problem);
            }
        };
        try (Pcap4jFileSource source = new Pcap4jFileSource(gz)) {
            source.run(looking);
        }
        assertEquals(2_000, all.packets.size(), all.problemText());
        assertTrue(seen.isEmpty(), "decompressed copies on disk while reading: " + seen);
        assertTrue(all.problems.isEmpty(), all.problemText());
    }

    @Test
    void gzipOfSomethingElseIsRefusedAndLeavesNoPipeBlocked() throws Exception {
        Path gz = dir.resolve("text.pcap.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            o.write("not a capture, only text, but long enough to fill a pcap header".getBytes());
        }
        assertThrows(CaptureException.class, () -> ReadAll.read(new Pcap4jFileSource(gz)));
    }
}
