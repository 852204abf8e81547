package dev.ucaudit.testing;

import dev.ucaudit.audit.AuditListener;
import dev.ucaudit.audit.FlowRecord;
import dev.ucaudit.capture.CaptureFiles;
import dev.ucaudit.capture.PcapWriter;
import dev.ucaudit.catalog.Catalog;
import dev.ucaudit.catalog.CatalogLoader;
import dev.ucaudit.engine.AuditConfig;
import dev.ucaudit.engine.AuditEngine;
import dev.ucaudit.engine.AuditOutcome;
import dev.ucaudit.inventory.Inventory;
import dev.ucaudit.inventory.InventoryLoader;
import dev.ucaudit.packet.CaptureProblem;
import dev.ucaudit.synth.Frames;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Packets in, flow records out: the audit engine as a library, without the command line or report
 * text, for behaviour tests. Frames are written to a real pcap file (Ethernet link type) and read
 * back through the same reader an audit uses.
 *
 * <pre>
 * List&lt;FlowRecord&gt; flows = EngineHarness.withoutInventory().frames(dir, frame1, frame2).flows();
 * </pre>
 */
public final class EngineHarness {
    private static final int LINKTYPE_ETHERNET = 1;

    private final AuditConfig config;

    private EngineHarness(AuditConfig config) {
        this.config = config;
    }

    /** The bundled catalog, no inventory (roles unknown). */
    public static EngineHarness withoutInventory() {
        Catalog catalog = new CatalogLoader().load(List.of());
        return new EngineHarness(AuditConfig.of(catalog, Inventory.empty(catalog.roles())));
    }

    /** The bundled catalog and an inventory file, which must load without problems. */
    public static EngineHarness withInventory(Path inventoryCsv) {
        Catalog catalog = new CatalogLoader().load(List.of());
        InventoryLoader loader = new InventoryLoader();
        Inventory inventory = loader.load(inventoryCsv, catalog.roles());
        if (!loader.problems().isEmpty()) {
            throw new IllegalArgumentException(inventoryCsv + ": " + loader.problems());
        }
        return new EngineHarness(AuditConfig.of(catalog, inventory));
    }

    /** The same harness with a changed configuration (limits, inspection, timeouts). */
    public EngineHarness with(UnaryOperator<AuditConfig> change) {
        return new EngineHarness(change.apply(config));
    }

    public AuditConfig config() {
        return config;
    }

    /** Writes frames, one millisecond apart from 2026-01-01T00:00:00Z, to {@code dir/frames.pcap}. */
    public static Path writeFrames(Path dir, List<byte[]> frames) {
        List<Long> times = new ArrayList<>();
        long t = 1_767_225_600_000_000_000L;
        for (int i = 0; i < frames.size(); i++) {
            times.add(t + i * 1_000_000L);
        }
        return writeFrames(dir, frames, times);
    }

    /** Writes frames with their capture times (nanoseconds since the epoch) to {@code dir/frames.pcap}. */
    public static Path writeFrames(Path dir, List<byte[]> frames, List<Long> timesNanos) {
        Path file = dir.resolve("frames.pcap");
        try (PcapWriter w = PcapWriter.create(file, LINKTYPE_ETHERNET, true)) {
            for (int i = 0; i < frames.size(); i++) {
                w.writePacket(timesNanos.get(i), frames.get(i));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** An Ethernet/IPv4/UDP frame between two dotted-quad addresses. */
    public static byte[] udp4(String source, int sourcePort, String destination, int destinationPort, byte[] payload) {
        return ipv4Frame(source, destination, 17, Frames.udp(sourcePort, destinationPort, payload));
    }

    /** An Ethernet/IPv4/TCP frame ({@code flags}: 0x02 SYN, 0x12 SYN-ACK, 0x10 ACK, 0x18 PSH-ACK, 0x01 FIN). */
    public static byte[] tcp4(String source, int sourcePort, String destination, int destinationPort, int flags,
                              byte[] payload) {
        return ipv4Frame(source, destination, 6, Frames.tcp(sourcePort, destinationPort, 1, 1, flags, payload));
    }

    private static byte[] ipv4Frame(String source, String destination, int protocol, byte[] transport) {
        byte[] mac = {2, 0, 0, 0, 0, 1};
        byte[] ip = Frames.ipv4(address(source), address(destination), protocol, 1, 0x4000, transport);
        return Frames.ethernet(mac, mac, -1, Frames.ETH_IPV4, ip);
    }

    private static byte[] address(String dotted) {
        try {
            return InetAddress.getByName(dotted).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(dotted, e);
        }
    }

    /** Audits one capture file and returns what the engine found. */
    public Run audit(Path capture) {
        Heard heard = new Heard();
        AuditEngine engine = new AuditEngine(config, heard);
        if (!Files.isRegularFile(capture)) {
            throw new IllegalArgumentException("no capture " + capture);
        }
        engine.read(capture.toString(), () -> CaptureFiles.open(capture), (source, sink) -> sink);
        return new Run(engine.finish(), List.copyOf(heard.problems), List.copyOf(heard.failedInputs));
    }

    /** Audits frames (written to {@code dir} first). */
    public Run audit(Path dir, List<byte[]> frames) {
        return audit(writeFrames(dir, frames));
    }

    /** What one audit gave: the outcome, and what the engine told its listener. */
    public record Run(AuditOutcome outcome, List<CaptureProblem> problems, List<String> failedInputs) {
        /** Every classified flow, in report order. */
        public List<FlowRecord> flows() {
            return outcome.result().rows();
        }

        /** The one flow between these ports (either way round); fails when there is not exactly one. */
        public FlowRecord flow(int portA, int portB) {
            List<FlowRecord> found = flows().stream()
                    .filter(f -> (f.initiatorPort() == portA && f.responderPort() == portB)
                            || (f.initiatorPort() == portB && f.responderPort() == portA))
                    .toList();
            if (found.size() != 1) {
                throw new AssertionError("expected one flow between ports " + portA + " and " + portB + ", found "
                        + found.size() + ": " + found);
            }
            return found.get(0);
        }
    }

    private static final class Heard implements AuditListener {
        final List<CaptureProblem> problems = Collections.synchronizedList(new ArrayList<>());
        final List<String> failedInputs = new ArrayList<>();

        @Override
        public void problem(CaptureProblem problem) {
            problems.add(problem);
        }

        @Override
        public void inputFailed(String source, String message) {
            failedInputs.add(source + ": " + message);
        }
    }
}
