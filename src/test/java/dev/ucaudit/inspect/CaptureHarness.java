package dev.ucaudit.inspect;

import dev.ucaudit.catalog.IpProtocol;
import java.io.EOFException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Assumptions;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.Pcaps;
import org.pcap4j.packet.IpPacket;
import org.pcap4j.packet.IpV4Packet;
import org.pcap4j.packet.Packet;
import org.pcap4j.packet.TcpPacket;
import org.pcap4j.packet.UdpPacket;

/**
 * Test-only glue: reads a public capture with pcap4j, keeps one inspector per 5-tuple (chosen by
 * well-known port), feeds payloads, registers expectations in a real ExpectationTable, and lists
 * every UDP flow so tests can ask which ones are matched. Flows that match an "h245" expectation
 * get an H.245 inspector, as the integrator would.
 */
public final class CaptureHarness {
    public static final Path DIR = Path.of("../shared/captures/public");

    public record FlowKey(IpProtocol protocol, InetAddress a, int aPort, InetAddress b, int bPort) {
    }

    private final Inspectors inspectors = Inspectors.standard();
    public final ExpectationTable table = new ExpectationTable(10_000, ExpectationTable.DEFAULT_TTL);
    public final InspectorStats stats = new InspectorStats();
    public final List<Expectation> expectations = new ArrayList<>();
    public final List<FlowKey> udpFlows = new ArrayList<>();
    /** First expectation that matched each un-inspected UDP flow, tried at each of its packets (capture time). */
    public final Map<FlowKey, Expectation> matches = new java.util.LinkedHashMap<>();
    private final Map<FlowKey, Object[]> flows = new HashMap<>();
    private final FragmentReassembler fragments = new FragmentReassembler();

    public static Path require(String name) {
        Path p = DIR.resolve(name);
        Assumptions.assumeTrue(Files.isReadable(p), "public capture absent: " + p);
        return p;
    }

    public static CaptureHarness run(String name) throws Exception {
        CaptureHarness h = new CaptureHarness();
        h.read(require(name));
        return h;
    }

    static String inspectorFor(IpProtocol proto, int port) {
        if (proto.equals(IpProtocol.UDP)) {
            return switch (port) {
                case 5060 -> "sip";
                case 2427, 2727 -> "mgcp";
                case 69, 6969 -> "tftp";
                default -> null;
            };
        }
        return switch (port) {
            case 5060 -> "sip";
            case 2000 -> "sccp";
            case 1720 -> "h225";
            default -> null;
        };
    }

    private void read(Path file) throws PcapNativeException, NotOpenException {
        try (PcapHandle handle = Pcaps.openOffline(file.toString(), PcapHandle.TimestampPrecision.NANO)) {
            while (true) {
                Packet packet;
                try {
                    packet = handle.getNextPacketEx();
                } catch (EOFException e) {
                    break;
                } catch (TimeoutException e) {
                    continue;
                }
                long ts = handle.getTimestamp().getTime() * 1_000_000L;
                table.advanceTo(ts);
                onPacket(packet);
            }
        }
    }

    private void onPacket(Packet packet) {
        IpPacket ip = packet.get(IpPacket.class);
        if (ip == null) {
            return;
        }
        InetAddress src = ip.getHeader().getSrcAddr();
        InetAddress dst = ip.getHeader().getDstAddr();
        if (ip instanceof IpV4Packet v4 && (v4.getHeader().getMoreFragmentFlag() || v4.getHeader().getFragmentOffset() != 0)
                && v4.getPayload() != null) {
            byte[] raw = v4.getPayload().getRawData();
            int proto = v4.getHeader().getProtocol().value() & 0xff;
            Optional<FragmentReassembler.Reassembled> r = fragments.offer(4, src.getAddress(), dst.getAddress(), proto,
                    v4.getHeader().getIdentificationAsInt(), v4.getHeader().getFragmentOffset() * 8,
                    v4.getHeader().getMoreFragmentFlag(), raw, 0, raw.length);
            if (r.isPresent() && proto == 17 && r.get().udpPayloadOffset() > 0) {
                byte[] d = r.get().ipPayload();
                feed(IpProtocol.UDP, src, r.get().udpSourcePort(), dst, r.get().udpDestinationPort(), d, 8, d.length - 8, -1, 0);
            }
            return;
        }
        UdpPacket udp = packet.get(UdpPacket.class);
        if (udp != null) {
            byte[] pl = udp.getPayload() == null ? new byte[0] : udp.getPayload().getRawData();
            feed(IpProtocol.UDP, src, udp.getHeader().getSrcPort().valueAsInt(), dst,
                    udp.getHeader().getDstPort().valueAsInt(), pl, 0, pl.length, -1, 0);
            return;
        }
        TcpPacket tcp = packet.get(TcpPacket.class);
        if (tcp != null) {
            byte[] pl = tcp.getPayload() == null ? new byte[0] : tcp.getPayload().getRawData();
            TcpPacket.TcpHeader th = tcp.getHeader();
            int flags = (th.getSyn() ? 2 : 0) | (th.getFin() ? 1 : 0) | (th.getRst() ? 4 : 0) | (th.getAck() ? 16 : 0);
            feed(IpProtocol.TCP, src, th.getSrcPort().valueAsInt(), dst, th.getDstPort().valueAsInt(), pl, 0, pl.length,
                    th.getSequenceNumberAsLong(), flags);
        }
    }

    private void feed(IpProtocol proto, InetAddress src, int sp, InetAddress dst, int dp, byte[] pl, int off, int len,
            long seq, int flags) {
        FlowKey fwd = new FlowKey(proto, src, sp, dst, dp);
        FlowKey rev = new FlowKey(proto, dst, dp, src, sp);
        Object[] flow = flows.get(fwd);
        Direction dir = Direction.FROM_INITIATOR;
        if (flow == null && (flow = flows.get(rev)) != null) {
            dir = Direction.FROM_RESPONDER;
        }
        if (flow == null) {
            String name = inspectorFor(proto, dp);
            if (name == null) {
                name = inspectorFor(proto, sp);
            }
            if (name == null && proto.equals(IpProtocol.TCP)) {
                Optional<Expectation> m = table.match(proto, src, sp, dst, dp);
                if (m.isPresent() && m.get().kind().equals("h245")) {
                    name = "h245";
                }
            }
            Inspector insp = name == null ? null : inspectors.get(name).orElseThrow().newInspector();
            InspectionContext ctx = name == null ? null : new HarnessContext(
                    new FlowInspectionContext(src, sp, dst, dp, proto, table, stats.of(name)));
            flow = new Object[] {insp, ctx};
            flows.put(fwd, flow);
            if (proto.equals(IpProtocol.UDP) && name == null) {
                udpFlows.add(fwd);
            }
        }
        FlowKey first = flows.get(fwd) == flow ? fwd : rev;
        if (flow[0] == null && proto.equals(IpProtocol.UDP) && !matches.containsKey(first)) {
            match(first).ifPresent(e -> matches.put(first, e));
        }
        if (flow[0] != null && len > 0) {
            ((Inspector) flow[0]).onPayload((InspectionContext) flow[1], dir, pl, off, len, seq, flags);
        }
    }

    /** Forwards to a FlowInspectionContext and records the expectations. */
    private final class HarnessContext implements InspectionContext {
        private final FlowInspectionContext d;

        HarnessContext(FlowInspectionContext d) {
            this.d = d;
        }

        @Override public InetAddress initiator() { return d.initiator(); }
        @Override public int initiatorPort() { return d.initiatorPort(); }
        @Override public InetAddress responder() { return d.responder(); }
        @Override public int responderPort() { return d.responderPort(); }
        @Override public IpProtocol protocol() { return d.protocol(); }
        @Override public long timestampNanos() { return d.timestampNanos(); }
        @Override public void malformed(String detail) { d.malformed(detail); }
        @Override public void message(String type) { d.message(type); }

        @Override
        public void expect(Expectation e) {
            expectations.add(e);
            d.expect(e);
        }
    }

    /** Whether a UDP flow is covered by an expectation. */
    public Optional<Expectation> match(FlowKey f) {
        return table.match(f.protocol(), f.a(), f.aPort(), f.b(), f.bPort());
    }
}
