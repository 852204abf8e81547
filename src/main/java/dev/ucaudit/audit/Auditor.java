package dev.ucaudit.audit;

import dev.ucaudit.catalog.IpProtocol;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import dev.ucaudit.inspect.FlowInspection;
import dev.ucaudit.packet.CaptureProblem;
import dev.ucaudit.packet.PacketSink;
import dev.ucaudit.packet.RawPacket;
import dev.ucaudit.decode.Decapsulation;
import dev.ucaudit.decode.DecodeStatus;
import dev.ucaudit.decode.DecodedPacket;
import dev.ucaudit.flow.CaptureClock;
import dev.ucaudit.flow.Flow;
import dev.ucaudit.flow.FlowKey;
import dev.ucaudit.flow.FlowTable;
import dev.ucaudit.flow.FragmentIndex;
import dev.ucaudit.flow.InitiatorRule;
import dev.ucaudit.flow.Side;
import dev.ucaudit.roles.EvidenceObserver;
import java.time.Duration;
import java.util.Arrays;

/**
 * The analysis pipeline for one run: decodes each packet, counts it into its flow, lets inspection
 * see it, and classifies flows as they finish. Without an inventory the roles are learned from the
 * traffic, so a finished flow waits, with what inspection said of it, until the evidence is in: the
 * waiting flows are classified, in the order they finished, at the end of the input, at a live
 * period's end, or when {@link #HELD_FLOWS} are waiting, with the roles learned from all the evidence
 * read until then. The outcome depends only on the packets and their order, so a merge of partial
 * audits equals the single run. Single-threaded: packet sources call it on one thread.
 */
public final class Auditor implements PacketSink {
    /** The flow table's upkeep runs after every this many packets (all packets, IP or not). */
    public static final int CLEAN_UP_EVERY = 4096;
    private final PacketIntake intake;
    private final DecodedPacket decoded = new DecodedPacket();
    private final CaptureClock clock = new CaptureClock();
    private final FlowTable flows;
    private final FragmentIndex fragments;
    private Classifier classifier;
    private final FlowInspection inspection;
    private final boolean inspectEveryPacket;
    /** The idle timeout, also judged on each flow's own packets' times ({@link Flow#idleBefore}). */
    private final long idleNanos;
    private AuditResult result;
    /** The flow table's eviction counts when the current period started (live rotation). */
    private long evictedIdleBefore;
    private long evictedSizeBefore;
    /** ICMP errors: counted in the flow they quote, or made flows of their own. */
    private final IcmpErrorFlows icmpErrorFlows = new IcmpErrorFlows();
    /** Reads what hosts say about their roles (learned roles) into the result; null without inspection. */
    private final EvidenceObserver evidence;
    /** A live run's findings watch (null without): flows are told when first classified. */
    private EarlyLooks looks;
    /** Flows classified in the whole run (every period), by verdict: live --metrics reads them from another thread. */
    private final long[] classifiedByVerdict = new long[Verdict.values().length];
    /** Most finished flows waiting for learned roles before they are classified with the roles learned so far. */
    public static final int HELD_FLOWS = 250_000;
    /** Finished flows waiting for the learned roles; only without an inventory. */
    private final HeldFlows held;

    public Auditor(Classifier classifier, FlowInspection inspection, AuditResult result, long maxFlows,
                   Duration idleTimeout, AuditListener listener) {
        this(classifier, inspection, result, maxFlows, idleTimeout, listener, FlowTable.Kind.INTRUSIVE);
    }

    /** With a choice of flow table: the benchmark measures the Caffeine one as the reference. */
    public Auditor(Classifier classifier, FlowInspection inspection, AuditResult result, long maxFlows,
                   Duration idleTimeout, AuditListener listener, FlowTable.Kind table) {
        this(classifier, inspection, result, maxFlows, idleTimeout, listener, table, Decapsulation.AUTO);
    }

    /** With a choice of flow table and of tunnel handling ({@code --decapsulate}). */
    public Auditor(Classifier classifier, FlowInspection inspection, AuditResult result, long maxFlows,
                   Duration idleTimeout, AuditListener listener, FlowTable.Kind table, Decapsulation decapsulation) {
        this.intake = new PacketIntake(decapsulation, listener);
        this.classifier = classifier;
        this.inspection = inspection;
        this.inspectEveryPacket = inspection.seesEveryPacket();
        this.result = result;
        this.idleNanos = idleTimeout.toNanos();
        this.flows = FlowTable.create(table, maxFlows, idleTimeout, clock, this::finished);
        this.fragments = new FragmentIndex(Math.max(1024, maxFlows / 4), idleTimeout, clock);
        this.evidence = inspection == FlowInspection.NONE ? null : new EvidenceObserver();
        this.held = new HeldFlows((int) Math.max(1, Math.min(maxFlows, HELD_FLOWS)));
    }

    /** True when finished flows wait for learned roles: no inventory, and inspection reads the evidence. */
    private boolean learning() {
        return evidence != null && classifier.learnsRoles();
    }

    private void finished(Flow flow) {
        String icmpError = icmpErrorFlows.finished(flow.key());
        if (flow.periodPackets() > 0 && !classifier.captureTransport(flow)) { // none: a rotation already reported all its packets
            if (learning()) {
                held.hold(flow, icmpError != null ? null : inspection.negotiationFor(flow),
                        icmpError != null ? null : inspection.evidenceFor(flow), icmpError, looks != null && !flow.watched());
            } else {
                FlowRecord r = classified(flow, icmpError);
                accept(r);
                watched(flow, r);
            }
        }
        if (looks != null) {
            flow.markWatched(); // ended: an early look would find nothing to tell (a held flow is told when classified)
        }
        inspection.onFinished(flow);
        if (held.full()) {
            classifyHeld();
        }
    }

    /** Classifies the waiting flows with the roles learned from all the run's evidence read so far. */
    private void classifyHeld() {
        if (!learning()) {
            return;
        }
        classifier = held.classify(classifier, result.evidence(), this::accept, r -> looks.tellHeld(r));
    }

    /**
     * Live runs: findings are told to {@code listener} as soon as they are known, each flow once: when it
     * is {@code after} old in capture time (its first payloads seen), classified as it stands then, without
     * changing what the report will say of it; or when it ends or a period is cut, if that comes first.
     */
    public void watchFindings(FindingListener listener, Duration after) {
        this.looks = new EarlyLooks(listener, after);
    }

    private void accept(FlowRecord r) {
        result.accept(r);
        classifiedByVerdict[r.verdict().ordinal()]++;
    }

    /** Flows classified with {@code verdict} since the run started, in every period (a flow cut by rotation counts in each). */
    public long classified(Verdict verdict) {
        return classifiedByVerdict[verdict.ordinal()];
    }

    private void watched(Flow flow, FlowRecord r) {
        if (looks != null) {
            looks.tell(flow, r);
        }
    }

    /** Classifies, for the findings watch, the flows that became old enough by capture time {@code nowNanos}. */
    private void watchYoung(long nowNanos) {
        Flow f;
        while ((f = looks.due(nowNanos)) != null) {
            if (!f.watched() && !classifier.captureTransport(f)) {
                InitiatorRule.Decision before = f.decision(); // a look, not the report's classification
                FlowRecord r = classified(f, icmpErrorFlows.reason(f.key()));
                f.decision(before);
                if (r.verdict() != Verdict.PORT_ONLY) { // port-only is not final: roles learned later may decide it
                    watched(f, r);
                }
            }
        }
    }

    private FlowRecord classified(Flow flow, String icmpError) {
        return icmpError != null ? classifier.icmpError(flow, icmpError) : classifier.classify(flow, inspection.negotiationFor(flow),
                inspection.evidenceFor(flow));
    }

    @Override
    public void packet(RawPacket raw) {
        DecodeStatus status = intake.take(raw, decoded);
        if (status == DecodeStatus.IP) {
            ip(raw, decoded);
        } else if (status == DecodeStatus.NOT_IP && evidence != null) {
            evidence.frame(raw, result.evidence()); // CDP, LLDP: evidence only, no flow
        }
        if ((intake.stats().packets & (CLEAN_UP_EVERY - 1)) == 0) {
            flows.cleanUp();
        }
        if (looks != null && looks.waiting()) {
            watchYoung(clock.read());
        }
    }

    /**
     * A packet replayed from a partial audit (already counted in the statistics it brings): a whole
     * frame, decoded again, or, when {@code d} is not null, its decoded fields without the frame.
     */
    public void replay(RawPacket raw, DecodedPacket d) {
        if (d != null) {
            ip(raw, d);
            return;
        }
        DecodeStatus status = intake.decodeOnly(raw, decoded);
        if (status == DecodeStatus.IP) {
            ip(raw, decoded);
        } else if (status == DecodeStatus.NOT_IP && evidence != null) {
            evidence.frame(raw, result.evidence());
        }
    }

    /**
     * Packets of one IPv4 UDP flow a partial audit aggregated (engine/FlowRuns): side A's and B's
     * packets and bytes, how many had a payload, the first and latest times among them, and the
     * capture clock after the last. {@code raw} carries the last one's time, {@code d} the flow's
     * addresses and ports (side A as source) without bytes.
     */
    public record Run(long firstNanos, long maxNanos, long clockNanos, long packetsA, long bytesA, long packetsB, long bytesB,
                      long payloads) {
    }

    /**
     * A run replayed from a partial audit: counted in its flow as its packets one by one would have
     * been. The recorder made sure the flow is open and its inspection done with it; a flow the
     * inspection still reads (a bound reached) is shown each packet, without bytes, as a packet the
     * partial did not keep.
     */
    public void replayRun(RawPacket raw, DecodedPacket d, Run run) {
        clock.advanceTo(run.clockNanos());
        Flow flow = flows.lookup(d);
        boolean fromA = flows.lastFromA();
        if (flow != null && flow.idleBefore(run.firstNanos(), idleNanos)) {
            flows.finish(flow);
            flow = null;
        }
        if (flow == null) {
            flow = create(FlowKey.of(d), d, raw, d.addressLength());
        }
        Side a = fromA ? Side.A : Side.B;
        flow.countRun(a, run.packetsA(), run.bytesA(), run.packetsB(), run.bytesB(), run.firstNanos(), raw.timestampNanos,
                run.maxNanos());
        if (!flow.inspectionIdle()) {
            long n = run.packetsA() + run.packetsB();
            for (long i = 0; i < n && !flow.inspectionIdle(); i++) {
                d.payloadLength = i < run.payloads() ? 1 : 0;
                inspection.onPacket(flow, i < run.packetsA() ? a : a.other(), d, raw);
            }
        }
    }

    /** A partial audit's clock mark: capture time as one run had read it here. */
    public void advanceClockOnly(long timestampNanos) {
        clock.advanceTo(timestampNanos);
    }

    /** The flow table's periodic upkeep, as {@link #packet} runs it every {@link #CLEAN_UP_EVERY} packets. */
    public void cleanUp() {
        flows.cleanUp();
    }

    private void ip(RawPacket raw, DecodedPacket d) {
        clock.advanceTo(raw.timestampNanos);
        if (d.tunnelDepth > 0) {
            outer(raw, d);
        }
        int alen = d.addressLength();
        Flow flow;
        Side from;
        if (d.fragment && d.fragmentOffset != 0) {
            FlowKey key = fragments.flowOf(d);
            if (key == null) {
                key = FlowKey.of(d.protocol, Arrays.copyOf(d.src, alen), -1, Arrays.copyOf(d.dst, alen), -1);
            }
            flow = lookupOrCreate(key, d, raw, alen);
            flow.countFragment();
            from = flow.key().isFromA(d.src, alen, flow.key().portA() < 0 ? -1 : d.srcPort) ? Side.A : Side.B;
        } else if ((d.protocol == IpProtocol.ICMP.number() || d.protocol == IpProtocol.ICMPV6.number()) && icmpErrorFlows.take(raw, d, flows)) {
            return; // evidence about the flow it quotes, counted there apart from its packets
        } else {
            // allocation-free lookup on the packet's fields; a key is made only for a new flow
            flow = flows.lookup(d);
            if (flow != null && (flow.idleBefore(raw.timestampNanos, idleNanos)
                    || d.protocol == IpProtocol.TCP.number() && (d.tcpFlags & 0x12) == 0x02 && flow.tcpClosed())) {
                flows.finish(flow);
                flow = null;
            }
            if (flow == null) {
                flow = create(FlowKey.of(d), d, raw, alen);
            }
            from = flows.lastFromA() ? Side.A : Side.B;
            if (d.fragment) {
                fragments.remember(d, flow.key());
                flow.countFragment();
            }
        }
        if ((d.protocol == IpProtocol.ICMP.number() || d.protocol == IpProtocol.ICMPV6.number()) && d.payloadLength > 0 && !d.payloadAbsent && d.payloadOffset > 0
                && !(d.fragment && d.fragmentOffset != 0)) {
            flow.noteIcmpKind(IcmpKinds.of(d.protocol, raw.data[d.payloadOffset] & 0xff));
        }
        // a tunnelled packet's flow counts its own IP packet; the whole frame is counted by its tunnel
        flow.count(from, raw.timestampNanos, d.tunnelDepth > 0 ? d.ipLength : raw.originalLength, d.tcpFlags);
        if (evidence != null) {
            evidence.ip(d, raw, flow.packets(Side.A) + flow.packets(Side.B), result.evidence());
        }
        if (inspectEveryPacket || !flow.inspectionIdle()) {
            inspection.onPacket(flow, from, d, raw); // idle: a media flow already matched or given up, no inspector
        }
    }

    /**
     * A tunnelled frame also counts in the tunnel's own outer conversation (GRE, IP in IP, VXLAN between
     * its endpoints), a flow classified like any other; the inner packet counts in its own flow.
     */
    private void outer(RawPacket raw, DecodedPacket d) {
        int len = d.tunnelIpVersion == 6 ? 16 : 4;
        FlowKey key = FlowKey.of(d.tunnelProtocol, Arrays.copyOf(d.tunnelSrc, len), d.tunnelSrcPort,
                Arrays.copyOf(d.tunnelDst, len), d.tunnelDstPort);
        Flow flow = flows.get(key);
        if (flow == null) {
            flow = new Flow(key, key.isFromA(d.tunnelSrc, len, d.tunnelSrcPort) ? Side.A : Side.B, raw.timestampNanos);
            flow.tunnel(TunnelNames.of(d), true, d.tunnelIsMirror());
            flow.markInspectionIdle(); // its payload is the inner packets, audited in their own flows
            flows.put(flow);
        }
        flow.count(key.isFromA(d.tunnelSrc, len, d.tunnelSrcPort) ? Side.A : Side.B, raw.timestampNanos, raw.originalLength, 0);
    }

    private Flow lookupOrCreate(FlowKey key, DecodedPacket d, RawPacket raw, int alen) {
        Flow flow = flows.get(key);
        if (flow != null && flow.idleBefore(raw.timestampNanos, idleNanos)) {
            flows.finish(flow);
            flow = null;
        }
        return flow != null ? flow : create(key, d, raw, alen);
    }

    private Flow create(FlowKey key, DecodedPacket d, RawPacket raw, int alen) {
        Side first = key.isFromA(d.src, alen, key.portA() < 0 ? -1 : d.srcPort) ? Side.A : Side.B;
        Flow flow = new Flow(key, first, raw.timestampNanos);
        if (d.tunnelDepth > 0) {
            flow.tunnel(TunnelNames.of(d), false, d.tunnelIsMirror());
        }
        flows.put(flow);
        inspection.onNewFlow(flow, raw.timestampNanos);
        if (looks != null) {
            looks.born(flow);
        }
        return flow;
    }

    @Override
    public void problem(CaptureProblem p) {
        intake.problem(p);
    }

    /** A whole input could not be opened: counted, and the run goes on with the others. */
    public void inputFailed(String source, String message) {
        intake.inputFailed(source, message);
    }

    /** Flows seen so far: finished ones and those still open (for progress displays). */
    public long flowsSeen() {
        return result.flows() + held.size() + flows.size();
    }

    /** End of input: every remaining flow is classified into the result. */
    public void finish() {
        flows.drain();
        classifyHeld();
    }

    /**
     * Live rotation, at a period's end: every open flow that had packets in the period is classified
     * into this period's result with the period's packets and bytes, then goes on in the table with
     * its counters restarted (its initiator and inspection kept). The flow is reported once per
     * period it was seen in, and the periods' rows add up to the flow.
     */
    public void cutPeriod() {
        flows.cleanUp();
        classifyHeld();
        List<Flow> open = new ArrayList<>();
        flows.forEach(f -> {
            if (f.periodPackets() > 0 && !classifier.captureTransport(f)) {
                open.add(f);
            }
        });
        open.sort(Comparator.comparingLong(Flow::firstSeenNanos));
        for (Flow f : open) {
            FlowRecord r = classified(f, icmpErrorFlows.reason(f.key()));
            accept(r);
            watched(f, r);
            f.startNextPeriod();
        }
    }

    /** Live rotation, after {@link #cutPeriod()}: the next period's flows and counts go to {@code next}. */
    public void startPeriod(AuditResult next) {
        if (learning()) {
            held.periodEnded(result.evidence());
        }
        result = next;
        intake.restart(new RunStats());
        evictedIdleBefore = flows.evictedIdle();
        evictedSizeBefore = flows.evictedSize();
    }

    /**
     * Capture time moved on to {@code timestampNanos} without a packet (a live run's idle clock):
     * flows idle past the timeout are finished, pinholes and fragments past their time dropped.
     */
    public void advanceClock(long timestampNanos) {
        clock.advanceTo(timestampNanos);
        flows.cleanUp();
        fragments.cleanUp();
        inspection.advanceTo(clock.read());
        if (looks != null) {
            watchYoung(clock.read());
        }
    }

    /** Flows in the table now. */
    public long flowsHeld() {
        return flows.size();
    }

    public RunStats stats() {
        return intake.stats();
    }

    public AuditResult result() {
        return result;
    }

    public long flowsEvictedIdle() {
        return flows.evictedIdle() - evictedIdleBefore;
    }

    public long flowsEvictedSize() {
        return flows.evictedSize() - evictedSizeBefore;
    }

    public FlowInspection inspection() {
        return inspection;
    }
}
