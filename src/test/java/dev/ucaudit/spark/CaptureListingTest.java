package dev.ucaudit.spark;

import dev.ucaudit.packet.CaptureProblem;
import dev.ucaudit.packet.PacketSink;
import dev.ucaudit.packet.RawPacket;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ucaudit.capture.CaptureException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Listing capture files through Hadoop's local file system: folders searched recursively for
 * capture names (Hadoop's hidden names left out), files taken as given, globs; names as the user
 * gave the path; the reading order; and a clear error for a path that names nothing.
 */
class CaptureListingTest {
    @TempDir
    Path dir;

    private final Configuration conf = new Configuration();

    private Path file(String relative) throws Exception {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        return Files.write(p, new byte[] {1, 2, 3});
    }

    private static List<String> names(List<CaptureFile> files) {
        return files.stream().map(CaptureFile::name).toList();
    }

    @Test
    void aFolderIsSearchedForCapturesAndNamedAsGivenInNaturalOrder() throws Exception {
        for (String f : List.of("s1/cap.pcap10", "s1/cap.pcap2", "s1/cap.pcap", "s1/day-9.pcapng", "s1/day-10.pcap.gz",
                "s2/a.cap", "s2/x.gz", "s2/notes.txt", "s2/.hidden.pcap", "s2/_SUCCESS", "_temporary/t.pcap", "s3/deep/b.PCAP")) {
            file(f);
        }
        String root = dir.toString();
        CaptureListing.Listing listing = CaptureListing.list(conf, List.of(root + "/"));
        List<CaptureFile> numbered = InputOrder.PATH.number(listing.files());
        assertEquals(List.of(root + "/s1/cap.pcap", root + "/s1/cap.pcap2", root + "/s1/cap.pcap10", root + "/s1/day-9.pcapng",
                root + "/s1/day-10.pcap.gz", root + "/s2/a.cap", root + "/s2/x.gz", root + "/s3/deep/b.PCAP"), names(numbered));
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L), numbered.stream().map(CaptureFile::sequence).toList());
        assertEquals("file:" + root + "/s1/cap.pcap", numbered.get(0).path());
        assertEquals("file:" + root + "/s1", numbered.get(0).folder());
    }

    @Test
    void filesAreTakenAsGivenGlobsExpandAndARepeatIsReadOnce() throws Exception {
        Path a = file("s1/a.pcap");
        file("s1/b.pcap");
        Path other = file("s2/c.dump");
        CaptureListing.Listing listing = CaptureListing.list(conf, List.of(other.toString(), dir + "/s1/*.pcap", a.toString()));
        assertEquals(List.of(other.toString(), a.toString(), dir + "/s1/b.pcap"), names(listing.files()));
        assertEquals(List.of(a.toString()), listing.repeated());
    }

    @Test
    void modifiedOrderReadsEachFolderByTimeWritten() throws Exception {
        Files.setLastModifiedTime(file("s2/late.pcap"), FileTime.fromMillis(1_000));
        Files.setLastModifiedTime(file("s1/z.pcap"), FileTime.fromMillis(3_000));
        Files.setLastModifiedTime(file("s1/a.pcap"), FileTime.fromMillis(5_000));
        Files.setLastModifiedTime(file("s2/early.pcap"), FileTime.fromMillis(2_000));
        List<CaptureFile> numbered = InputOrder.MODIFIED.number(CaptureListing.list(conf, List.of(dir.toString())).files());
        assertEquals(List.of(dir + "/s1/z.pcap", dir + "/s1/a.pcap", dir + "/s2/late.pcap", dir + "/s2/early.pcap"),
                names(numbered));
    }

    @Test
    void aPathThatNamesNoCaptureIsAnError() throws Exception {
        file("empty/notes.txt");
        assertEquals(dir + "/missing does not exist", assertThrows(CaptureException.class,
                () -> CaptureListing.list(conf, List.of(dir + "/missing"))).getMessage());
        assertEquals(dir + "/nothing*.pcap matches no file", assertThrows(CaptureException.class,
                () -> CaptureListing.list(conf, List.of(dir + "/nothing*.pcap"))).getMessage());
        assertEquals(dir + "/empty holds no capture file (.pcap, .pcapng, .cap, .gz) and no report folder (partial.bin.gz)",
                assertThrows(CaptureException.class,
                () -> CaptureListing.list(conf, List.of(dir + "/empty"))).getMessage());
    }

    /**
     * A fleet's tree: a live run's period folders (each a report folder: its partial.bin.gz taken, its
     * report files and anything below it not), a sensor's capture folder beside them, a report folder
     * inside a capture folder, a staging folder and a hidden partial being written (left out), a plain
     * report without partial.bin.gz (searched for captures as any folder: none), and a partial named directly.
     */
    @Test
    void reportFoldersAreFoundInATreeAndOnlyTheirPartialIsTaken() throws Exception {
        for (String f : List.of("x/2026-12-01T0800Z/partial.bin.gz", "x/2026-12-01T0800Z/flows.csv",
                "x/2026-12-01T0800Z/report.html", "x/2026-12-01T0800Z/summary.json", "x/2026-12-01T0800Z/old.pcap.gz",
                "x/2026-12-01T0800Z/diff/partial.bin.gz", "x/2026-12-01T0900Z/partial.bin.gz", "x/cumulative-unused.csv",
                "x/.ucaudit-partial-123.tmp", "x/.2026-12-01T1000Z.ucaudit-new-9-1/partial.bin.gz",
                "y/cap.pcap1", "y/cap.pcap2", "y/reports/r1/partial.bin.gz", "y/reports/r1/unused.csv",
                "plain/flows.csv", "plain/summary.json", "z/merged/partial.bin.gz")) {
            file(f);
        }
        CaptureListing.Listing listing = CaptureListing.list(conf,
                List.of(dir + "/x", dir + "/y/", dir + "/plain/summary.json", dir + "/z/merged/partial.bin.gz"));
        assertEquals(List.of(dir + "/plain/summary.json", dir + "/y/cap.pcap1", dir + "/y/cap.pcap2"),
                names(listing.files()).stream().sorted().toList());
        assertEquals(List.of(dir + "/x/2026-12-01T0800Z/partial.bin.gz", dir + "/x/2026-12-01T0900Z/partial.bin.gz",
                dir + "/y/reports/r1/partial.bin.gz", dir + "/z/merged/partial.bin.gz"),
                listing.reports().stream().map(ReportPartial::name).sorted().toList());
        assertEquals("file:" + dir + "/z/merged/partial.bin.gz", listing.reports().get(3).path());
        assertEquals(3L, listing.reports().get(3).size());
        // a report folder given itself, and again inside its parent: read once
        CaptureListing.Listing again = CaptureListing.list(conf, List.of(dir + "/x/2026-12-01T0900Z", dir + "/x"));
        assertEquals(List.of(dir + "/x/2026-12-01T0900Z/partial.bin.gz", dir + "/x/2026-12-01T0800Z/partial.bin.gz"),
                again.reports().stream().map(ReportPartial::name).toList());
        assertEquals(List.of(dir + "/x/2026-12-01T0900Z/partial.bin.gz"), again.repeated());
        assertEquals(List.of(), again.files());
        assertEquals(dir + "/plain holds no capture file (.pcap, .pcapng, .cap, .gz) and no report folder (partial.bin.gz)",
                assertThrows(CaptureException.class, () -> CaptureListing.list(conf, List.of(dir + "/plain"))).getMessage());
    }

    @Test
    void naturalOrderComparesNumbersAsNumbers() {
        List<String> names = new java.util.ArrayList<>(List.of("a10", "a9", "a010", "b", "a", "a9x", "a09"));
        names.sort(NaturalOrder.INSTANCE);
        assertEquals(List.of("a", "a09", "a9", "a9x", "a010", "a10", "b"), names);
    }

    /** A capture named as strftime's %FT%T names it (cap-2026-11-02T09:00:00.pcap) is listed and read, as audit reads it (issue 23 §5). */
    @Test
    void aCaptureNameHoldingAColonIsListedAndRead() throws Exception {
        Path capture = dir.resolve("caps/cap-2026-11-02T09:00:00.pcap");
        Files.createDirectories(capture.getParent());
        Files.copy(Path.of("captures/lab-site.pcap"), capture);
        Path bare = Path.of("ucaudit-test-cap-2026-11-02T09:00:00.pcap"); // in the working folder: no '/' before the ':'
        Files.copy(capture, bare);
        try {
            CaptureListing.Listing listing = CaptureListing.list(conf, List.of(dir.resolve("caps").toString(), bare.toString()));
            assertEquals(List.of(capture.toString(), bare.toString()), names(listing.files()));
            for (CaptureFile f : listing.files()) {
                long[] packets = {0};
                try (var source = HadoopCaptures.open(conf, f)) {
                    source.run(new PacketSink() {
                        @Override
                        public void packet(RawPacket p) {
                            packets[0]++;
                        }

                        @Override
                        public void problem(CaptureProblem p) {
                        }
                    });
                }
                assertEquals(246, packets[0], f.name());
            }
        } finally {
            Files.deleteIfExists(bare);
        }
    }
}
