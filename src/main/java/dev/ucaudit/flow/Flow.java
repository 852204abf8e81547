package dev.ucaudit.flow;

import dev.ucaudit.catalog.IpProtocol;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Mutable counters of one live flow while packets arrive. Confined to the analysis thread; turned
 * into an immutable {@link FinishedFlow} when it ends or is evicted.
 */
public final class Flow {
    private final FlowKey key;
    private final Side firstSender;
    private long firstSeenNanos;
    private long lastSeenNanos;
    /** The time of the flow's latest packet in reading order (earlier than lastSeenNanos after a clock jump back). */
    private long lastPacketNanos;
    private final long[] packets = new long[2];
    private final long[] bytes = new long[2];
    private final int[] tcpFlags = new int[2];
    private Side synFrom;
    private Side synAckFrom;
    private long fragments;
    /** ICMP errors quoting this flow's packets, by kind in the order first seen; null until the first. */
    private Map<String, Long> icmpErrors;
    /** ICMP/ICMPv6 flows: one bit per kind of message seen (see audit's IcmpKinds). */
    private int icmpKinds;
    /** A tunnel's outer conversation: the tunnel's name; an inner flow: the tunnel it came through; else null. */
    private String tunnel;
    /** True for a tunnel's outer conversation. */
    private boolean tunnelOuter;
    /** True for the outer conversation of a mirroring tunnel (ERSPAN): capture transport, not a flow to audit. */
    private boolean tunnelMirror;
    /** TCP flags of every period (the per-period ones restart at a rotation): for {@link #tcpClosed()}. */
    private int allTcpFlags;
    /** Per side: a FIN was sent in an earlier period. */
    private final boolean[] finSeen = new boolean[2];
    /** True once a rotation cut the flow: the next packet is the first of its next period. */
    private boolean periodRestarted;
    /** The initiator decided when the flow was first classified; kept so every period agrees. */
    private InitiatorRule.Decision decision;
    /** Whatever the inspection layer keeps for this flow (an inspector, a matched expectation). */
    private Object inspection;
    /** Inspection has nothing left to do with this flow's packets: the Auditor stops calling it. */
    private boolean inspectionIdle;
    /** A live run's findings watch has seen the flow classified once (its first classification told). */
    private boolean watched;

    // Intrusive fields of IntrusiveFlowTable: the key as primitives, the hash, the idle (LRU) list.
    final int family;
    final int protocol;
    final long aHi;
    final long aLo;
    final long bHi;
    final long bLo;
    final int portA;
    final int portB;
    final int hash;
    Flow older;
    Flow newer;
    long accessNanos;
    boolean inTable;

    public Flow(FlowKey key, Side firstSender, long firstSeenNanos) {
        this.key = key;
        byte[] a = key.addressA();
        byte[] b = key.addressB();
        this.family = a.length == 16 ? 6 : 4;
        this.protocol = key.protocol();
        this.aHi = IntrusiveFlowTable.hi(a);
        this.aLo = IntrusiveFlowTable.lo(a);
        this.bHi = IntrusiveFlowTable.hi(b);
        this.bLo = IntrusiveFlowTable.lo(b);
        this.portA = key.portA();
        this.portB = key.portB();
        this.hash = IntrusiveFlowTable.hash(family, protocol, aHi, aLo, portA, bHi, bLo, portB);
        this.firstSender = firstSender;
        this.firstSeenNanos = firstSeenNanos;
        this.lastSeenNanos = firstSeenNanos;
        this.lastPacketNanos = firstSeenNanos;
    }

    public void count(Side from, long timestampNanos, int wireBytes, int flags) {
        int i = from.ordinal();
        if (periodRestarted) {
            periodRestarted = false;
            firstSeenNanos = timestampNanos;
            lastSeenNanos = timestampNanos;
        }
        packets[i]++;
        bytes[i] += wireBytes;
        lastPacketNanos = timestampNanos;
        if (timestampNanos > lastSeenNanos) {
            lastSeenNanos = timestampNanos;
        }
        if (key.protocol() == IpProtocol.TCP.number()) {
            tcpFlags[i] |= flags;
            allTcpFlags |= flags;
            boolean syn = (flags & 0x02) != 0;
            boolean ack = (flags & 0x10) != 0;
            if (syn && !ack && synFrom == null) {
                synFrom = from;
            } else if (syn && ack && synAckFrom == null) {
                synAckFrom = from;
            }
        }
    }

    /**
     * Packets of a UDP run counted at once, as {@link #count} one by one would have: {@code a}'s
     * packets and bytes, then the other side's; the last packet at {@code lastNanos}, the first at
     * {@code firstNanos}, the latest at {@code maxNanos}.
     */
    public void countRun(Side a, long packetsOfA, long bytesOfA, long packetsOfB, long bytesOfB, long firstNanos, long lastNanos,
                         long maxNanos) {
        if (periodRestarted) {
            periodRestarted = false;
            firstSeenNanos = firstNanos;
            lastSeenNanos = firstNanos;
        }
        packets[a.ordinal()] += packetsOfA;
        bytes[a.ordinal()] += bytesOfA;
        packets[a.other().ordinal()] += packetsOfB;
        bytes[a.other().ordinal()] += bytesOfB;
        lastPacketNanos = lastNanos;
        if (maxNanos > lastSeenNanos) {
            lastSeenNanos = maxNanos;
        }
    }

    /**
     * True when a packet at {@code timestampNanos} comes at least {@code idleNanos} after or before this
     * flow's latest packet: the flow was idle that long by its own packets' times, whatever the capture
     * clock says (which never moves back, so after a capture's time jumps back it would never expire).
     */
    public boolean idleBefore(long timestampNanos, long idleNanos) {
        long gap = timestampNanos - lastPacketNanos;
        return gap >= idleNanos || gap <= -idleNanos;
    }

    public void countFragment() {
        fragments++;
    }

    /**
     * An ICMP error (of the given kind, e.g. "port unreachable") quoting one of this flow's packets:
     * evidence about the flow, kept apart from its packets. It is no packet of either side, so it
     * never makes a one-way flow two-way nor counts as an answer.
     */
    public void countIcmpError(String kind) {
        if (icmpErrors == null) {
            icmpErrors = new LinkedHashMap<>(4);
        }
        icmpErrors.merge(kind, 1L, Long::sum);
    }

    /** ICMP errors quoting this flow in the current period. */
    public long icmpErrors() {
        long n = 0;
        if (icmpErrors != null) {
            for (long c : icmpErrors.values()) {
                n += c;
            }
        }
        return n;
    }

    /** ICMP errors quoting this flow in the current period, per kind in the order first seen (empty when none). */
    public Map<String, Long> icmpErrorKinds() {
        return icmpErrors == null ? Map.of() : Collections.unmodifiableMap(icmpErrors);
    }

    /** True when this TCP flow has ended (RST, or FIN both ways) so a new SYN starts a new flow. */
    public boolean tcpClosed() {
        if ((allTcpFlags & 0x04) != 0) {
            return true;
        }
        return (finSeen[0] || (tcpFlags[0] & 0x01) != 0) && (finSeen[1] || (tcpFlags[1] & 0x01) != 0);
    }

    /** Packets of both sides in the current period (all of them unless a rotation cut the flow). */
    public long periodPackets() {
        return packets[0] + packets[1];
    }

    /**
     * Live rotation: the flow goes on in the next period. Its counters, flags and fragments restart
     * (the period just cut was reported with them); key, first sender, SYN/SYN-ACK senders, the
     * initiator decision and the inspection state are kept.
     */
    public void startNextPeriod() {
        finSeen[0] |= (tcpFlags[0] & 0x01) != 0;
        finSeen[1] |= (tcpFlags[1] & 0x01) != 0;
        packets[0] = 0;
        packets[1] = 0;
        bytes[0] = 0;
        bytes[1] = 0;
        tcpFlags[0] = 0;
        tcpFlags[1] = 0;
        fragments = 0;
        icmpErrors = null;
        periodRestarted = true;
    }

    /** True once a live run's findings watch saw this flow classified (it is told once). */
    public boolean watched() {
        return watched;
    }

    public void markWatched() {
        watched = true;
    }

    /** The initiator decision made when the flow was first classified, or null. */
    public InitiatorRule.Decision decision() {
        return decision;
    }

    public void decision(InitiatorRule.Decision decision) {
        this.decision = decision;
    }

    public FlowKey key() {
        return key;
    }

    public Side firstSender() {
        return firstSender;
    }

    public long firstSeenNanos() {
        return firstSeenNanos;
    }

    public long lastSeenNanos() {
        return lastSeenNanos;
    }

    public long packets(Side from) {
        return packets[from.ordinal()];
    }

    public long bytes(Side from) {
        return bytes[from.ordinal()];
    }

    public int tcpFlags(Side from) {
        return tcpFlags[from.ordinal()];
    }

    public Side synFrom() {
        return synFrom;
    }

    public Side synAckFrom() {
        return synAckFrom;
    }

    public long fragments() {
        return fragments;
    }

    /** Notes a kind of ICMP message (a bit the caller defines) seen in this flow. */
    public void noteIcmpKind(int bit) {
        icmpKinds |= bit;
    }

    public int icmpKinds() {
        return icmpKinds;
    }

    /**
     * Names the tunnel this flow came through, or ({@code outer}) that this flow is the tunnel's own
     * conversation; {@code mirror}: the tunnel is a switch's mirror to the sensor (ERSPAN).
     */
    public void tunnel(String name, boolean outer, boolean mirror) {
        if (tunnel == null) {
            tunnel = name;
            tunnelOuter = outer;
            tunnelMirror = mirror;
        }
    }

    public boolean tunnelMirror() {
        return tunnelMirror;
    }

    public String tunnel() {
        return tunnel;
    }

    public boolean tunnelOuter() {
        return tunnelOuter;
    }

    public Object inspection() {
        return inspection;
    }

    public void inspection(Object state) {
        this.inspection = state;
    }

    /** True once inspection said it needs no more packets of this flow ({@link #markInspectionIdle}). */
    public boolean inspectionIdle() {
        return inspectionIdle;
    }

    public void markInspectionIdle() {
        this.inspectionIdle = true;
    }
}
