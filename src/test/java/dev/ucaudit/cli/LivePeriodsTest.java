package dev.ucaudit.cli;

import dev.ucaudit.testing.Cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ucaudit.packet.PacketSink;
import dev.ucaudit.capture.PcapFileSource;
import dev.ucaudit.capture.PcapWriter;
import dev.ucaudit.packet.CaptureProblem;
import dev.ucaudit.packet.RawPacket;
import dev.ucaudit.testing.MediaHeavySample;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The live run's periods, driven from a generated capture file through the same sink, rotation and
 * idle clock as {@code ucaudit live} (no interface, no timing): periods by capture time, flows cut
 * at the boundaries and not counted twice, and what the run holds bounded by what is active.
 */
class LivePeriodsTest {
    private static final long START_MILLIS = MediaHeavySample.START_MILLIS;
    private static final long HOUR_NANOS = 3_600_000_000_000L;

    @TempDir
    static Path shared;
    static Path capture;
    static Path inventory;

    @BeforeAll
    static void generate() throws Exception {
        MediaHeavySample sample = MediaHeavySample.write(shared, 30_000);
        capture = sample.capture();
        inventory = sample.inventory();
    }

    /** A live run of {@code args} (as on the command line, minus the interface) fed from {@code pcap}. */
    private static LiveRun feed(Path pcap, Path out, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("-i", "lo", "--inventory", inventory.toString(), "--out", out.toString()));
        all.addAll(List.of(args));
        LiveCommand command = new LiveCommand();
        new CommandLine(command).parseArgs(all.toArray(String[]::new));
        PrintWriter quiet = new PrintWriter(new StringWriter());
        LiveRun run = command.newRun(quiet, quiet, new PrintStream(OutputStream.nullOutputStream()));
        run.startWindow(START_MILLIS);
        new PcapFileSource(pcap).run(run.sink());
        return run;
    }

    private static List<CSVRecord> rows(Path flowsCsv) throws IOException {
        try (Reader r = Files.newBufferedReader(flowsCsv)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r).getRecords();
        }
    }

    /** Packets and bytes per flow (5-tuple as initiator → responder, with verdict and rule) over every flows.csv given. */
    private static Map<String, long[]> perFlow(List<Path> flowsCsvs) throws IOException {
        Map<String, long[]> m = new TreeMap<>();
        for (Path f : flowsCsvs) {
            for (CSVRecord r : rows(f)) {
                String key = String.join(" ", r.get("protocol"), r.get("initiator"), r.get("initiator_port"), r.get("responder"),
                        r.get("responder_port"), r.get("verdict"), r.get("rule"), r.get("initiator_basis"));
                long[] v = m.computeIfAbsent(key, k -> new long[3]);
                v[0] += Long.parseLong(r.get("packets"));
                v[1] += Long.parseLong(r.get("bytes"));
                v[2] += Long.parseLong(r.get("packets_from_initiator"));
            }
        }
        return m;
    }

    private static List<Path> periodFolders(Path out) throws IOException {
        try (Stream<Path> s = Files.list(out)) {
            return s.filter(p -> !Files.isSymbolicLink(p) && Files.isRegularFile(p.resolve("flows.csv"))).sorted().toList();
        }
    }

    @Test
    void periodsMergedEqualOneAuditOfTheSameTraffic(@TempDir Path tmp) throws Exception {
        Path audit = tmp.resolve("audit");
        Cli offline = Cli.run("audit", capture.toString(), "--inventory", inventory.toString(), "--out", audit.toString());
        assertTrue(offline.status <= 1, offline.toString());

        Path live = tmp.resolve("live");
        LiveRun run = feed(capture, live, "--rotate", "2s");
        run.finish(START_MILLIS);
        List<Path> periods = periodFolders(live);
        assertTrue(periods.size() >= 4, "periods of 2 s: " + periods);

        long liveRows = 0;
        long packets = 0;
        for (Path p : periods) {
            liveRows += rows(p.resolve("flows.csv")).size();
            String summary = Files.readString(p.resolve("summary.json"));
            assertTrue(summary.contains("\"held\""), summary);
        }
        List<CSVRecord> offlineRows = rows(audit.resolve("flows.csv"));
        assertTrue(liveRows > offlineRows.size(), "flows crossing a boundary are reported in each of their periods: "
                + liveRows + " rows vs " + offlineRows.size());
        Map<String, long[]> merged = perFlow(periods.stream().map(p -> p.resolve("flows.csv")).toList());
        Map<String, long[]> whole = perFlow(List.of(audit.resolve("flows.csv")));
        assertEquals(whole.keySet(), merged.keySet(), "the same flows, initiators, verdicts and rules");
        for (Map.Entry<String, long[]> e : whole.entrySet()) {
            long[] m = merged.get(e.getKey());
            assertEquals(List.of(e.getValue()[0], e.getValue()[1], e.getValue()[2]), List.of(m[0], m[1], m[2]),
                    "packets, bytes, packets from the initiator of " + e.getKey());
            packets += m[0];
        }
        assertTrue(packets > 29_000, "every packet in some period: " + packets);

        // each packet is in the period its timestamp falls in: every row's times lie within its folder's period
        for (Path p : periods) {
            String summary = Files.readString(p.resolve("summary.json"));
            Instant started = Instant.parse(field(summary, "started_at"));
            Instant ended = Instant.parse(field(summary, "ended_at"));
            for (CSVRecord r : rows(p.resolve("flows.csv"))) {
                assertTrue(!Instant.parse(r.get("first_seen")).isBefore(started) && !Instant.parse(r.get("last_seen")).isAfter(ended),
                        p.getFileName() + " [" + started + ", " + ended + "): " + r);
            }
        }
    }

    @Test
    void partialsOfThePeriodsMergeIntoTheAuditOfTheSameTraffic(@TempDir Path tmp) throws Exception {
        Path audit = tmp.resolve("audit");
        Cli offline = Cli.run("audit", "-q", capture.toString(), "--inventory", inventory.toString(), "--out", audit.toString());
        assertTrue(offline.status <= 1, offline.toString());

        Path live = tmp.resolve("live");
        LiveRun run = feed(capture, live, "--rotate", "2s", "--partial");
        assertEquals(0, run.finish(START_MILLIS) & 2, "no period lost its partial");
        List<Path> periods = periodFolders(live);
        assertTrue(periods.size() >= 4, "periods of 2 s: " + periods);
        List<String> args = new ArrayList<>(List.of("merge", "-q", "--inventory", inventory.toString(),
                "--out", tmp.resolve("merged").toString()));
        for (Path p : periods) {
            assertTrue(Files.isRegularFile(p.resolve(AuditSession.PARTIAL)), p + " holds its partial");
            assertEquals(Files.getPosixFilePermissions(p.resolve("flows.csv")),
                    Files.getPosixFilePermissions(p.resolve(AuditSession.PARTIAL)), "the umask's permissions, as flows.csv");
            args.add(p.toString());
        }
        try (Stream<Path> s = Files.list(live)) {
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().startsWith(".ucaudit-partial-")).toList(),
                    "no partial file left beside the periods");
        }
        Cli merged = Cli.run(args.toArray(String[]::new));
        assertEquals(offline.status, merged.status, merged.toString());
        assertEquals(ReportFiles.comparable(audit), ReportFiles.comparable(tmp.resolve("merged")),
                "the periods merged are the audit of the capture they were fed from");
    }

    private static String field(String json, String name) {
        int i = json.indexOf("\"" + name + "\"");
        int q = json.indexOf('"', json.indexOf(':', i) + 1);
        return json.substring(q + 1, json.indexOf('"', q + 1));
    }

    @Test
    void aQuietNetworkLetsEveryFlowPinholeAndConnectionGo(@TempDir Path tmp) throws Exception {
        LiveRun run = feed(capture, tmp.resolve("live"), "--rotate", "10m");
        Map<String, Long> busy = run.held();
        assertTrue(busy.get("flows") > 100 && busy.get("pinholes") > 100 && busy.get("tcp_connections_for_loss_estimate") > 10
                && busy.get("inspectors") > 10, busy.toString());
        // no packet for a while: the analysis thread's ticks (wall time, System.nanoTime) move capture time on
        long wall = 7_000_000_000L;
        run.tick(wall); // the first tick after the last packet
        run.tick(wall + LiveRun.IDLE_MARGIN_NANOS + 290_000_000_000L);
        assertTrue(run.held().get("flows") > 0, "290 s after the last packet, within --idle-timeout 300 s: " + run.held());
        // past --idle-timeout 300 s and the 5-minute pinhole lifetime, still without a packet
        run.tick(wall + LiveRun.IDLE_MARGIN_NANOS + 301_000_000_000L);
        Map<String, Long> quiet = run.held();
        assertEquals(Map.of("flows", 0L, "pinholes", 0L, "inspected_flows", 0L, "inspectors", 0L,
                "udp_datagrams_in_reassembly", 0L, "tcp_connections_for_loss_estimate", 0L), Map.copyOf(quiet));
        run.finish(START_MILLIS);
        assertTrue(periodFolders(tmp.resolve("live")).size() >= 1);
    }

    @Test
    void theSameConversationsReplayedThreeTimesLeaveWhatOneReplayLeaves(@TempDir Path tmp) throws Exception {
        Path thrice = tmp.resolve("thrice.pcap");
        replayShifted(capture, thrice, 3, HOUR_NANOS);
        LiveRun once = feed(capture, tmp.resolve("once"), "--rotate", "10m");
        LiveRun three = feed(thrice, tmp.resolve("thrice"), "--rotate", "10m");
        Map<String, Long> heldOnce = once.held();
        assertTrue(heldOnce.get("flows") > 100, heldOnce.toString());
        assertEquals(heldOnce, three.held(), "flows, pinholes, inspectors and TCP connections held after 3 replays vs 1");
        once.finish(START_MILLIS);
        three.finish(START_MILLIS);
        assertEquals(3, periodFolders(tmp.resolve("thrice")).size(), "one period per replay, the hours between skipped");
    }

    /** Writes {@code times} copies of a capture, each {@code shiftNanos} after the previous one. */
    private static void replayShifted(Path in, Path out, int times, long shiftNanos) throws Exception {
        try (PcapWriter w = PcapWriter.create(out, 1, true)) {
            for (int i = 0; i < times; i++) {
                long shift = i * shiftNanos;
                new PcapFileSource(in).run(new PacketSink() {
                    @Override
                    public void packet(RawPacket p) {
                        try {
                            w.writePacket(p.timestampNanos + shift, p.data, p.offset, p.length, p.originalLength);
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    }

                    @Override
                    public void problem(CaptureProblem problem) {
                        throw new IllegalStateException(problem.describe());
                    }
                });
            }
        }
    }
}
