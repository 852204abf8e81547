package dev.ucaudit.cli;

import dev.ucaudit.testing.Cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ucaudit.capture.CaptureFiles;
import dev.ucaudit.packet.CaptureProblem;
import dev.ucaudit.packet.PacketSink;
import dev.ucaudit.capture.PacketSource;
import dev.ucaudit.capture.PcapWriter;
import dev.ucaudit.packet.RawPacket;
import dev.ucaudit.synth.MediaHeavySite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code audit --partial}, {@code merge} and {@code --threads} through the real command line: two
 * "sensors" (the lab-site capture cut in three, and a generated media-heavy capture cut in two)
 * audited report by report and merged give the report of one audit of all five files, byte for byte
 * (but the time it was written); {@code --threads 1} and {@code --threads 3} give the same report;
 * a report without partial.bin.gz or a damaged one ends the merge with exit 2 and --out untouched.
 */
class MergeCommandTest {
    @TempDir
    Path dir;

    @Test
    void reportsMergedEqualOneAuditOfAllTheirCaptures() throws Exception {
        Path inventory = dir.resolve("inventory.csv");
        Files.writeString(inventory, MediaHeavySite.INVENTORY);
        List<Path> lab = cut(Path.of("captures/lab-site.pcap"), "a-lab", 3);
        Path media = dir.resolve("media.pcap");
        MediaHeavySite.write(media, 20_000, 100);
        List<Path> heavy = cut(media, "b-media", 2);
        List<Path> all = new ArrayList<>(lab);
        all.addAll(heavy);

        Path one = dir.resolve("one");
        Cli whole = audit(inventory, one, all, "--threads", "1");
        assertTrue(whole.status <= 1, whole.toString());
        Path threaded = dir.resolve("threaded");
        Cli three = audit(inventory, threaded, all, "--threads", "3");
        assertEquals(whole.status, three.status, three.toString());
        assertEquals(files(one), files(threaded), "--threads 3 gives the report of --threads 1");

        // each sensor's files in one report, then the two reports merged
        Path sensorA = dir.resolve("sensor-a");
        Path sensorB = dir.resolve("sensor-b");
        assertTrue(audit(inventory, sensorA, lab, "--partial").status <= 1);
        assertTrue(audit(inventory, sensorB, heavy, "--partial", "--threads", "1").status <= 1);
        assertTrue(Files.isRegularFile(sensorA.resolve("partial.bin.gz")));
        Path merged = dir.resolve("merged");
        Cli m = Cli.run("merge", "-q", "--inventory", inventory.toString(), "--out", merged.toString(),
                sensorB.toString(), sensorA.toString());
        assertEquals(whole.status, m.status, m.toString());
        assertEquals(files(one), files(merged), "the merged report is that of one audit of all the captures");

        // a merge of merges: the merged report holds its own partial
        Path again = dir.resolve("again");
        Cli m2 = Cli.run("merge", "-q", "--inventory", inventory.toString(), "--out", again.toString(), merged.toString());
        assertEquals(whole.status, m2.status, m2.toString());
        assertEquals(files(one), files(again));
    }

    @Test
    void aReportWithoutPartialOrADamagedOneEndsTheMergeWithExit2() throws Exception {
        Path plain = dir.resolve("plain");
        assertTrue(Cli.run("audit", "-q", "--out", plain.toString(), "captures/lab-site.pcap").status <= 1);
        Path out = dir.resolve("out");
        Cli missing = Cli.run("merge", "--out", out.toString(), plain.toString());
        assertEquals(2, missing.status, missing.toString());
        assertTrue(missing.err.contains(plain + " has no partial.bin.gz: audit its captures again with --partial"), missing.err);
        assertFalse(Files.exists(out.resolve("summary.json")));

        Path damaged = dir.resolve("damaged");
        assertTrue(Cli.run("audit", "-q", "--partial", "--out", damaged.toString(), "captures/lab-site.pcap").status <= 1);
        byte[] bytes = Files.readAllBytes(damaged.resolve("partial.bin.gz"));
        Files.write(damaged.resolve("partial.bin.gz"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Cli cut = Cli.run("merge", "--out", out.toString(), damaged.toString());
        assertEquals(2, cut.status, cut.toString());
        assertTrue(cut.err.contains(damaged.resolve("partial.bin.gz").toString()), cut.err);
        assertTrue(cut.err.contains("nothing was merged"), cut.err);
        assertFalse(Files.exists(out.resolve("summary.json")));
    }

    private Cli audit(Path inventory, Path out, List<Path> captures, String... extra) {
        List<String> args = new ArrayList<>(List.of("audit", "-q", "--inventory", inventory.toString(), "--out", out.toString()));
        args.addAll(List.of(extra));
        captures.forEach(c -> args.add(c.toString()));
        return Cli.run(args.toArray(String[]::new));
    }

    /** A capture cut into {@code n} pcap files of about equal packet counts. */
    private List<Path> cut(Path capture, String prefix, int n) throws Exception {
        List<byte[]> frames = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        try (PacketSource source = CaptureFiles.open(capture)) {
            source.run(new PacketSink() {
                @Override
                public void packet(RawPacket p) {
                    frames.add(java.util.Arrays.copyOfRange(p.data, p.offset, p.offset + p.length));
                    times.add(p.timestampNanos);
                }

                @Override
                public void problem(CaptureProblem problem) {
                }
            });
        }
        List<Path> parts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Path part = dir.resolve(prefix + "-" + i + ".pcap");
            try (PcapWriter w = PcapWriter.create(part, 1, true)) {
                for (int k = frames.size() * i / n; k < frames.size() * (i + 1) / n; k++) {
                    w.writePacket(times.get(k), frames.get(k));
                }
            }
            parts.add(part);
        }
        return parts;
    }

    /** The five report files, without the time each was written. */
    static Map<String, String> files(Path report) throws Exception {
        Map<String, String> m = new LinkedHashMap<>();
        for (String f : List.of("flows.csv", "conversations.csv", "unused.csv", "summary.json", "report.html")) {
            m.put(f, Files.readString(report.resolve(f), StandardCharsets.UTF_8)
                    .replaceAll("\"generated_at\" : \"[^\"]*\"", "")
                    .replaceAll("Written by ucaudit at [0-9TZ:.-]+", ""));
        }
        return m;
    }
}
