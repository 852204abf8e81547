package dev.ucaudit.engine;

import dev.ucaudit.catalog.IpProtocol;
import dev.ucaudit.audit.AuditListener;
import dev.ucaudit.audit.Auditor;
import dev.ucaudit.audit.PacketIntake;
import dev.ucaudit.audit.RunStats;
import dev.ucaudit.inspect.ProtocolRegistry;
import dev.ucaudit.packet.CaptureProblem;
import dev.ucaudit.packet.PacketSink;
import dev.ucaudit.packet.RawPacket;
import dev.ucaudit.decode.DecodeStatus;
import dev.ucaudit.decode.DecodedPacket;
import dev.ucaudit.roles.EvidenceObserver;
import java.util.function.Consumer;

/**
 * Phase one of a split audit: decodes and counts the packets of one input part (as every audit
 * does, see {@link PacketIntake}) and records each IP packet into {@link PacketBlock}s for the
 * classification after the merge. It keeps no flow state, so what it records does not depend on
 * what came before the part.
 *
 * <p>Which packets keep their bytes is decided without knowing what came before the part, so that
 * the replay of the merged whole sees every byte the single run reads: whole frames are kept for
 * everything but IPv4 TCP and UDP, for fragments, for ports whose catalog row names an inspector
 * (and the default and TLS ports of every protocol with an inspector, as registered: SIP's 5060 and
 * 5061), for the first {@link #PROBED_PAYLOADS} payloads of each conversation since it started in
 * this part (a SYN, or a gap of half the idle timeout: all that probing and the content check read),
 * for every later payload of a conversation one of whose first payloads a content probe did not
 * refuse (an inspector may read it), and for later payloads a registration says an inspector may
 * read on a negotiated channel (TCP payloads that start like TPKT: H.225/H.245). Of
 * the rest (media, bulk data) only the decoded fields are kept. A payload an inspector or a probe
 * needs but the replay lacks is counted in summary.json's bounds_hit, never guessed. Of those, the
 * packets {@link FlowRuns} proves the replay need not see one by one (media after a flow's first
 * packets) are aggregated into {@link Runs}.
 */
final class PartialRecorder implements PacketSink {
    /** Payloads of a conversation kept whole from its start: all that probing and the content check may read. */
    static final int PROBED_PAYLOADS = ProtocolRegistry.MOST_PAYLOADS_READ;
    /**
     * Of those, payloads that cannot be skipped (not keep-alives): probing and the content check read no more
     * of a flow's, so a conversation's payloads after that many are not kept for them.
     */
    static final int READ_PAYLOADS = Math.max(ProtocolRegistry.PROBED_PAYLOADS, ProtocolRegistry.CHECKED_PAYLOADS);

    private final PacketIntake intake;
    private final DecodedPacket decoded = new DecodedPacket();
    private final InspectedPorts inspected;
    private final ProtocolRegistry registry = ProtocolRegistry.standard();
    private final boolean inspecting;
    private final Consumer<PacketBlock> out;
    private PacketBlock block = new PacketBlock();
    private final PayloadCounts payloads;
    private final FlowRuns runs;

    PartialRecorder(AuditConfig config, AuditListener listener, Consumer<PacketBlock> out) {
        this(config, InspectedPorts.of(config), listener, out);
    }

    /** With the inspected ports worked out once for many parts (a live run's periods). */
    PartialRecorder(AuditConfig config, InspectedPorts inspected, AuditListener listener, Consumer<PacketBlock> out) {
        this.inspected = inspected;
        this.intake = new PacketIntake(config.settings().decapsulation(), listener);
        this.inspecting = config.settings().inspection();
        this.out = out;
        // a flow's first payloads are counted from its start: a SYN, or a gap no flow lives through
        this.payloads = new PayloadCounts(config.settings().idleTimeout().toNanos() / 2);
        this.runs = new FlowRuns(config.settings().idleTimeout().toNanos());
    }

    @Override
    public void packet(RawPacket raw) {
        DecodeStatus status = intake.take(raw, decoded);
        long ordinal = intake.stats().packets;
        if (status == DecodeStatus.IP) {
            ip(ordinal, raw);
        } else if (status == DecodeStatus.NOT_IP && inspecting && EvidenceObserver.isDiscoveryFrame(raw)) {
            block.addFrame(ordinal, raw); // CDP, LLDP: evidence for learned roles
            flushWhenFull();
        }
        if (ordinal % Auditor.CLEAN_UP_EVERY == 0) {
            long mark = runs.markAtUpkeep(); // the flow table's upkeep runs at the clock of one run
            if (mark != Long.MIN_VALUE) {
                block.addClock(ordinal, mark);
                flushWhenFull();
            }
        }
    }

    private void ip(long ordinal, RawPacket raw) {
        boolean frame = keepsFrame(raw, decoded);
        if (runs.absorbs(ordinal, raw.timestampNanos, raw.originalLength, decoded, !frame)) {
            return;
        }
        long mark = runs.markBefore(raw.timestampNanos);
        if (mark != Long.MIN_VALUE) {
            block.addClock(ordinal, mark);
            flushWhenFull();
        }
        if (frame) {
            block.addFrame(ordinal, raw);
        } else {
            block.addCompact(ordinal, raw, decoded);
        }
        flushWhenFull();
    }

    private void flushWhenFull() {
        if (block.full()) {
            flush();
        }
    }

    /** IPv4 TCP or UDP, not a fragment, with both ports: the decoded fields say all the flows need. */
    private static boolean simple(DecodedPacket d) {
        return d.ipVersion == 4 && (d.protocol == IpProtocol.TCP.number() || d.protocol == IpProtocol.UDP.number()) && !d.fragment && d.srcPort >= 0 && d.dstPort >= 0;
    }

    private boolean keepsFrame(RawPacket raw, DecodedPacket d) {
        if (!simple(d) || d.tunnelDepth > 0) { // a tunnelled frame also counts in its tunnel's outer flow
            return true;
        }
        if (inspected.either(d.protocol == IpProtocol.TCP.number(), d.srcPort, d.dstPort)) {
            return true;
        }
        if (!inspecting) {
            return false;
        }
        boolean syn = d.protocol == IpProtocol.TCP.number() && (d.tcpFlags & 0x12) == 0x02;
        boolean payload = d.payloadLength > 0;
        if (!payload && !syn) {
            return false;
        }
        int n = payloads.count(PacketBlock.int32(d.src), PacketBlock.int32(d.dst), d.srcPort, d.dstPort, d.protocol, raw.timestampNanos, syn, payload);
        if (!payload) {
            return false;
        }
        byte[] b = raw.data;
        int off = d.payloadOffset;
        if (n <= PROBED_PAYLOADS && payloads.readPayloads() < READ_PAYLOADS) {
            // within the payloads a flow may be probed on: kept, and a conversation that looks like
            // signalling keeps all its payloads from then on (a probe may give it an inspector)
            if (registry.probeMayFind(d.protocol, b, off, d.payloadLength)) {
                payloads.markSignalling();
            }
            if (!registry.maySkip(d.protocol, b, off, d.payloadLength)) {
                payloads.countRead();
            }
            return true;
        }
        if (n <= EvidenceObserver.FIRST_PACKETS && EvidenceObserver.mayRead(d, b, off, d.payloadLength)) {
            return true; // learned roles' evidence reads a flow's first packets on some ports
        }
        if (payloads.signalling()) {
            return true;
        }
        return registry.laterPayloadMayBeRead(d.protocol, b, off, d.payloadLength); // TPKT: H.225 or an H.245 channel
    }

    @Override
    public void problem(CaptureProblem p) {
        intake.problem(p);
    }

    void inputFailed(String source, String message) {
        intake.inputFailed(source, message);
    }

    /** Hands on the packets recorded since the last flush. */
    void flush() {
        if (block.count > 0) {
            out.accept(block);
            block = new PacketBlock();
        }
    }

    /** The part's runs (once it ended: after the last packet). */
    Runs runs() {
        return runs.finish();
    }

    RunStats stats() {
        return intake.stats();
    }
}
