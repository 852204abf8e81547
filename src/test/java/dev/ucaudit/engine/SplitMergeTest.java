package dev.ucaudit.engine;

import dev.ucaudit.testing.OnPublicCaptures;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ucaudit.audit.AuditListener;
import dev.ucaudit.capture.CaptureFiles;
import dev.ucaudit.capture.PcapWriter;
import dev.ucaudit.catalog.Catalog;
import dev.ucaudit.catalog.CatalogLoader;
import dev.ucaudit.inventory.Inventory;
import dev.ucaudit.synth.Frames;
import dev.ucaudit.synth.Host;
import dev.ucaudit.synth.Messages;
import dev.ucaudit.synth.Wire;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Split, audit apart, merge: a capture cut into N parts (N = 2..8) at random packet boundaries
 * (fixed seeds), each part collected into a {@link PartialAudit} by itself, the partials merged in a
 * random order and grouping (some through their binary form), and the whole classified once, gives
 * the same report files as one engine reading the parts in order — byte for byte, inputs and
 * problems included (only generated_at differs). With SplitInputsTest (parts read in order equal
 * the whole capture) this is issue 12's property: a split audit equals the single run.
 *
 * <p>Inputs: the lab-site capture, a generated media-heavy capture and every capture in
 * /work/shared/captures/public/ (skipped, and said so, when absent).
 */
class SplitMergeTest {
    @TempDir
    Path dir;

    @Test
    void labAndMediaHeavyAuditedApartAndMergedGiveOneRunsReport() throws Exception {
        SplitCaptures.labAndMediaHeavy(dir, 11, this::checkSplits);
    }

    @OnPublicCaptures
    @Test
    void everyPublicCaptureAuditedApartAndMergedGivesOneRunsReport() throws Exception {
        SplitCaptures.everyPublicCapture("SplitMergeTest", 101, this::checkSplits);
    }

    /**
     * Issue 27's flow stories cross cuts too: a clock that jumps back (flows idle by their own times),
     * probes rejected by ICMP errors (counted apart, never answers) and replies from a service port
     * whose requests were not captured (oriented by the port).
     */
    @Test
    void clockJumpsIcmpErrorsAndRepliesAuditedApartAndMergedGiveOneRunsReport() throws Exception {
        Host a = Host.of("a", "192.0.2.10", 1, -1);
        Host b = Host.of("b", "198.51.100.20", 2, -1);
        Path capture = dir.resolve("stories.pcap");
        try (Wire w = new Wire(PcapWriter.create(capture, 1, false), 1_700_000_000_000_000_000L)) {
            for (int round = 0; round < 6; round++) {
                w.udp(a, 500, b, 500, Messages.text("isakmp " + round));
                w.udp(b, 500, a, 500, Messages.text("isakmp answer " + round));
                byte[] probe = Messages.text("OPTIONS sip:x SIP/2.0\r\n\r\n");
                w.udp(a, 5060, b, 40000 + round, probe);
                w.send(b, a, 1, portUnreachable(Frames.ipv4(a.address(), b.address(), 17, round, 0x4000, Frames.udp(5060, 40000 + round, probe))));
                w.udp(b, 161, a, 50000 + round % 2, Messages.text("snmp response " + round));
                w.advanceMillis(round % 2 == 0 ? -7_200_000L : 3_600_000L); // back two hours, on one hour
            }
        }
        Catalog catalog = new CatalogLoader().load(List.of());
        checkSplits(capture, AuditConfig.of(catalog, Inventory.empty(catalog.roles())), 27);
    }

    /**
     * Issue 25's runs (media aggregated per flow in a partial) cross cuts exactly: media flows that
     * pause just under and just over the idle timeout, a capture clock that jumps back and on, an
     * ICMP error quoting a media flow, a fragment of one, and a flow of empty datagrams (never done
     * with inspection), at a 2-second idle timeout. Fails when runs ignore the clock (the capture
     * clock or the flow table's access order) or aggregate a flow's first packets.
     */
    @Test
    void mediaRunsAcrossIdleGapsClockJumpsAndIcmpErrorsGiveOneRunsReport() throws Exception {
        Host a = Host.of("a", "192.0.2.10", 1, -1);
        Host b = Host.of("b", "198.51.100.20", 2, -1);
        Path capture = dir.resolve("runs.pcap");
        try (Wire w = new Wire(PcapWriter.create(capture, 1, false), 1_700_000_000_000_000_000L)) {
            for (int tick = 0; tick < 1200; tick++) {
                for (int f = 0; f < 4; f++) {
                    boolean paused = f == 0 && tick >= 300 && tick < 300 + 99 || f == 1 && tick >= 500 && tick < 500 + 101;
                    if (!paused) {
                        boolean back = tick % 2 == 1;
                        w.udp(back ? b : a, (back ? 30000 : 20000) + 2 * f, back ? a : b, (back ? 20000 : 30000) + 2 * f,
                                Messages.rtp(tick, tick * 160L, 1000 + f, 20 + f));
                    }
                }
                if (tick % 50 == 7) {
                    w.udp(a, 41000, b, 42000, new byte[0]); // empty datagrams: its inspection never gives up
                }
                if (tick == 700) {
                    w.send(a, b, 1, portUnreachable(Frames.ipv4(b.address(), a.address(), 17, 7, 0x4000, Frames.udp(30004, 20004, new byte[8]))));
                }
                if (tick == 800) {
                    w.fragmentedUdp(a, 20006, b, 30006, Messages.rtp(9999, 0, 1003, 600), 256);
                }
                w.advanceMillis(tick == 900 ? -5_000 : tick == 1000 ? 1_990 : 20);
            }
        }
        Catalog catalog = new CatalogLoader().load(List.of());
        checkSplits(capture, AuditConfig.of(catalog, Inventory.empty(catalog.roles()))
                .with(AuditSettings.builder().idleTimeout(Duration.ofSeconds(2)).build()), 25);
    }

    /** An ICMP port unreachable quoting {@code quoted} (an IPv4 packet). */
    private static byte[] portUnreachable(byte[] quoted) {
        byte[] error = new byte[8 + quoted.length];
        error[0] = 3;
        error[1] = 3;
        System.arraycopy(quoted, 0, error, 8, quoted.length);
        return error;
    }

    private void checkSplits(Path capture, AuditConfig config, long seed) throws Exception {
        List<SplitCaptures.Packet> packets = SplitCaptures.readAll(capture);
        Random random = new Random(seed);
        for (int n = 2; n <= 8 && n <= packets.size(); n++) {
            int[] cuts = SplitCaptures.cuts(random, n, packets.size());
            List<Path> parts = SplitCaptures.writeParts(dir, packets, "part" + n, cuts);
            Map<String, String> inOrder = inOrder(config, parts);
            Map<String, String> merged = mergedApart(config, parts, random);
            boolean recorded = random.nextBoolean();
            List<Map<String, String>> pipelined = pipelined(config, parts, 1 + random.nextInt(3), recorded);
            for (String file : inOrder.keySet()) {
                assertEquals(inOrder.get(file), merged.get(file), capture.getFileName() + " cut at " + Arrays.toString(cuts)
                        + " into " + n + " parts, audited apart and merged: " + file + " differs from one run's");
                for (Map<String, String> p : pipelined) {
                    assertEquals(inOrder.get(file), p.get(file), capture.getFileName() + " cut at " + Arrays.toString(cuts)
                            + " into " + n + " parts, read pipelined" + (recorded ? " and recorded" : "") + ": " + file
                            + " differs from one run's");
                }
            }
        }
    }

    /** One engine reading the parts in order. */
    private Map<String, String> inOrder(AuditConfig config, List<Path> inputs) throws Exception {
        AuditEngine engine = new AuditEngine(config, AuditListener.SILENT);
        for (Path input : inputs) {
            engine.read(input.toString(), () -> CaptureFiles.open(input), (source, sink) -> sink);
        }
        return SplitCaptures.reportFiles(dir, config, engine.finish(), List.of("generated_at"));
    }

    /**
     * One engine reading the parts on other threads ({@code audit --threads}); with {@code recorded},
     * decoded and recorded there and written as a partial audit ({@code audit --partial}), which is
     * then classified again by itself: both outcomes must be one run's.
     */
    private List<Map<String, String>> pipelined(AuditConfig config, List<Path> inputs, int readersAhead, boolean recorded)
            throws Exception {
        AuditEngine engine = new AuditEngine(config, AuditListener.SILENT);
        ExecutorService readers = Executors.newFixedThreadPool(readersAhead);
        ByteArrayOutputStream partial = new ByteArrayOutputStream();
        try {
            List<AuditEngine.Input> list = inputs.stream()
                    .map(p -> new AuditEngine.Input(p.toString(), () -> CaptureFiles.open(p))).toList();
            engine.readPipelined(list, readers, readersAhead, (source, sink) -> sink, recorded ? partial : null);
        } finally {
            readers.shutdownNow();
        }
        List<Map<String, String>> reports = new ArrayList<>();
        reports.add(SplitCaptures.reportFiles(dir, config, engine.finish(), List.of("generated_at")));
        if (recorded) {
            PartialAudit read = PartialAudit.read(new ByteArrayInputStream(partial.toByteArray()), "the pipelined partial");
            reports.add(SplitCaptures.reportFiles(dir, config, AuditEngine.classify(config, AuditListener.SILENT, read),
                    List.of("generated_at")));
        }
        return reports;
    }

    /** Each part collected apart; the partials merged in a random order and grouping, some written and read back. */
    private Map<String, String> mergedApart(AuditConfig config, List<Path> inputs, Random random) throws Exception {
        List<PartialAudit> partials = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            Path input = inputs.get(i);
            PartialAudit p = AuditEngine.collect(config, AuditListener.SILENT, i, input.toString(), () -> CaptureFiles.open(input));
            partials.add(random.nextBoolean() ? roundTrip(p) : p);
        }
        Collections.shuffle(partials, random);
        while (partials.size() > 1) {
            int i = random.nextInt(partials.size() - 1);
            PartialAudit a = partials.remove(i);
            PartialAudit b = partials.remove(i);
            PartialAudit m = random.nextBoolean() ? PartialAudit.merge(a, b) : PartialAudit.merge(b, a);
            partials.add(random.nextInt(partials.size() + 1), m);
        }
        return SplitCaptures.reportFiles(dir, config, AuditEngine.classify(config, AuditListener.SILENT, partials.get(0)),
                List.of("generated_at"));
    }

    private static PartialAudit roundTrip(PartialAudit p) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.write(out);
        return PartialAudit.read(new ByteArrayInputStream(out.toByteArray()), "a partial");
    }
}
