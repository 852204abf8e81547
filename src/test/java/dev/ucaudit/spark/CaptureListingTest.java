package dev.ucaudit.spark;

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
        assertEquals(dir + "/empty holds no capture file (.pcap, .pcapng, .cap, .gz)", assertThrows(CaptureException.class,
                () -> CaptureListing.list(conf, List.of(dir + "/empty"))).getMessage());
    }

    @Test
    void naturalOrderComparesNumbersAsNumbers() {
        List<String> names = new java.util.ArrayList<>(List.of("a10", "a9", "a010", "b", "a", "a9x", "a09"));
        names.sort(NaturalOrder.INSTANCE);
        assertEquals(List.of("a", "a09", "a9", "a9x", "a010", "a10", "b"), names);
    }
}
