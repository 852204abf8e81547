package dev.ucaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ucaudit.capture.CaptureFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 22 section 2: pipelines without side effects, a folder as an input, generate's own folder. */
class PipelineTest {
    static final Path PCAP = Path.of("captures/lab-site.pcap").toAbsolutePath();
    static final Path INVENTORY = Path.of("captures/lab-site-inventory.csv").toAbsolutePath();

    @TempDir
    Path dir;

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** ucaudit audit --format jsonl -q capture | jq: the report folder of a minute ago is still there, untouched. */
    @Test
    void flowsOnStandardOutputWriteNoReportFolder() throws Exception {
        Person first = Person.run(dir, "audit", "--inventory", INVENTORY.toString(), "--fail-on", "none", PCAP.toString());
        assertEquals(0, first.status(), first.toString());
        Path summary = dir.resolve("ucaudit-report/summary.json");
        String before = Files.readString(summary);
        Person piped = Person.run(dir, "audit", "--format", "jsonl", "-q", PCAP.toString());
        assertEquals(1, piped.status(), piped.toString());
        assertTrue(piped.out().lines().count() > 10, piped.out());
        assertEquals(before, Files.readString(summary), "the earlier report was replaced");
        assertEquals(List.of(".ucaudit-report.ucaudit-lock", "ucaudit-report"), names(dir), "nothing else written");
        Person noisy = Person.run(dir, "audit", "--format", "jsonl", PCAP.toString());
        assertTrue(noisy.err().contains("ucaudit: no report folder written (flows on standard output; --out DIR writes one)"), noisy.err());
        Person named = Person.run(dir, "audit", "--format", "jsonl", "-q", "--out", "piped", PCAP.toString());
        assertEquals(1, named.status(), named.toString());
        assertTrue(Files.exists(dir.resolve("piped/summary.json")), "--out still writes a folder");
        Person state = Person.run(dir, "audit", "--format", "jsonl", "--state", "s.json", PCAP.toString());
        assertEquals(2, state.status(), state.toString());
        assertTrue(state.err().contains("--state goes with a report folder: give --out DIR too"), state.err());
    }

    @Test
    void aFolderIsReadAsItsCapturesInNameOrder() throws Exception {
        Path captures = Files.createDirectories(dir.resolve("captures"));
        for (String name : List.of("trace.pcap10", "trace.pcap2", "trace.pcap", "notes.txt", ".hidden.pcap")) {
            Files.copy(PCAP, captures.resolve(name));
        }
        Person r = Person.run(dir, "audit", "--inventory", INVENTORY.toString(), "--out", "r", "captures");
        assertEquals(1, r.status(), r.toString());
        assertTrue(r.err().contains("ucaudit: captures: 3 captures, read in name order (trace.pcap ... trace.pcap10)"), r.err());
        Person one = Person.run(dir, "audit", "--out", "r1", PCAP.toString());
        long packets = Long.parseLong(one.out().replaceAll("(?s)^ucaudit: (\\d+) packets.*", "$1"));
        assertTrue(r.out().startsWith("ucaudit: " + 3 * packets + " packets"), "all three are read: " + r.out());
        assertEquals(List.of("trace.pcap", "trace.pcap2", "trace.pcap10"),
                CaptureFolder.captures(captures).stream().map(p -> p.getFileName().toString()).toList());
        Files.createDirectories(dir.resolve("empty"));
        Person empty = Person.run(dir, "audit", "--out", "r2", "empty");
        assertEquals(2, empty.status(), empty.toString());
        assertTrue(empty.err().contains("empty: no capture in this folder"), empty.err());
        assertFalse(Files.exists(dir.resolve("r2")));
    }

    @Test
    void generateWritesIntoItsOwnFolderOfTheCurrentFolder() throws Exception {
        Person r = Person.run(dir, "generate", "lab-site");
        assertEquals(0, r.status(), r.toString());
        assertTrue(Files.exists(dir.resolve("ucaudit-generated/lab-site.pcap")), r.toString());
    }

    @Test
    void listsInterfacesAsTcpdumpDoes() throws Exception {
        Person r = Person.run(dir, "live", "-D");
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("\\d+\\.lo .*\\[Up, Loopback\\] 127\\.0\\.0\\.1.*")), r.out());
        Person none = Person.run(dir, "live", "--duration", "1s");
        assertEquals(2, none.status(), none.toString());
        assertTrue(none.err().contains("ucaudit live -D lists the interfaces"), none.err());
    }
}
