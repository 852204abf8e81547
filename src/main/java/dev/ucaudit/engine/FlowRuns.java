package dev.ucaudit.engine;

import dev.ucaudit.catalog.IpProtocol;
import dev.ucaudit.decode.DecodedPacket;
import java.util.Arrays;

/**
 * Phase one's choice of which packets of an input part become {@link Runs} (aggregates replayed at
 * once) rather than records replayed one by one, and of the capture-clock marks that keep the
 * replay's clock that of one run. Only what is proved not to change the merged report is aggregated:
 * a packet of an IPv4 UDP 5-tuple, outside tunnels and fragments, that the recorder would keep as
 * decoded fields anyway (no byte of it is read), after the first {@link #SETTLED} packets of its flow
 * since it may have started in this part (by then the inspection has tried every match and probe it
 * tries on packets without bytes), and only while neither its own times nor the capture clock could
 * have ended the flow on the idle timeout:
 * <ul>
 *   <li>its time is within the idle timeout of the flow's packet before (the flow's own-time rule);</li>
 *   <li>the latest time read (the capture clock, as far as this part can tell: the clock of one run
 *   is the greater of this and what came before the part) moved less than the idle timeout since
 *   the flow's packet before, and since the last packet of the flow that was replayed before the
 *   run: so the flow table neither finds the flow idle at this packet nor, in the replay, while the
 *   run waits to be placed at its last packet (where its flow sits at its older place in the table's
 *   access order, which decides nothing else while it is not idle).</li>
 * </ul>
 * A packet that touches a flow other than its own 5-tuple's ends every open run (an ICMP message may
 * quote one), and one whose flow cannot be told here (a later fragment, a tunnelled packet) makes
 * every flow count as new. The bound on flows held ({@code --max-flows}) may push a flow out in the
 * middle of a run: as in any merge, a report that reaches it says so.
 *
 * <p>The replay's capture clock moves at records and runs only; where the clock of one run would be
 * ahead of it (before a record timed earlier than the latest time read, and at the flow table's
 * upkeep after every {@code Auditor.CLEAN_UP_EVERY} packets), the recorder writes a clock mark.
 */
final class FlowRuns {
    /** Packets of a flow recorded one by one from its (possible) start: the inspection's match attempts. */
    static final int SETTLED = 8;
    static final int MAX_ENTRIES = 1 << 21;
    private static final long NONE = Long.MIN_VALUE;

    private final long idleNanos;
    private long[] keys = new long[1 << 12];
    private int[] portKeys = new int[1 << 12];
    /** 0: empty; else packets seen since the flow may have started (counted up to {@link #SETTLED}). */
    private int[] seen = new int[1 << 12];
    private long[] lastNanos = new long[1 << 12];
    private long[] lastClock = new long[1 << 12];
    private int[] run = new int[1 << 12];
    private long[] runAnchor = new long[1 << 12];
    private int[] runEpoch = new int[1 << 12];
    private int[] epochs = new int[1 << 12];
    private int size;
    /** Every flow counts as new when an entry's epoch is not this. */
    private int epoch;
    /** Every run is ended when an entry's run epoch is not this. */
    private int runsEpoch;

    private Runs runs = new Runs(64);
    /** The latest time of the part's IP packets so far, and before the last one. */
    private long clock = NONE;
    private long clockBefore = NONE;
    /** The latest clock the replay will have seen from records and marks so far. */
    private long shown = NONE;

    FlowRuns(long idleNanos) {
        this.idleNanos = idleNanos;
    }

    /**
     * An IP packet of the part, before it is recorded: returns true when it joins a run (and is not
     * recorded). {@code decodedOnly}: the recorder would keep only its decoded fields.
     */
    boolean absorbs(long ordinal, long nanos, int originalLength, DecodedPacket d, boolean decodedOnly) {
        clockBefore = clock;
        if (nanos > clock) {
            clock = nanos;
        }
        boolean fragmentLater = d.fragment && d.fragmentOffset != 0;
        if (d.tunnelDepth > 0 || fragmentLater) {
            epoch++; // its flow is not its own 5-tuple's: every flow may have been touched
            runsEpoch++;
            return false;
        }
        if (d.protocol == IpProtocol.ICMP.number() || d.protocol == IpProtocol.ICMPV6.number()) {
            runsEpoch++; // an error counts in the flow it quotes: that flow must be up to date
            return false;
        }
        if (d.ipVersion != 4 || d.protocol != IpProtocol.UDP.number() || d.srcPort < 0 || d.dstPort < 0) {
            return false;
        }
        int src = PacketBlock.int32(d.src);
        int dst = PacketBlock.int32(d.dst);
        boolean fromA = Integer.compareUnsigned(src, dst) < 0 || (src == dst && d.srcPort <= d.dstPort);
        long a = fromA ? (long) src << 32 | (dst & 0xffffffffL) : (long) dst << 32 | (src & 0xffffffffL);
        int p = fromA ? d.srcPort << 16 | d.dstPort : d.dstPort << 16 | d.srcPort;
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int i = find(a, p);
        if (seen[i] == 0 || epochs[i] != epoch) {
            if (seen[i] == 0) {
                keys[i] = a;
                portKeys[i] = p;
                size++;
            }
            seen[i] = 1;
            epochs[i] = epoch;
            run[i] = -1;
            lastNanos[i] = nanos;
            lastClock[i] = clock;
            return false;
        }
        long gap = nanos - lastNanos[i];
        boolean sameFlow = gap < idleNanos && gap > -idleNanos && clock - lastClock[i] < idleNanos;
        boolean absorbed = false;
        if (sameFlow && decodedOnly && seen[i] >= SETTLED) {
            int r = run[i];
            if (r >= 0 && runEpoch[i] == runsEpoch && clock - runAnchor[i] < idleNanos && runs.packets(r) < Runs.MOST_PACKETS) {
                runs.add(r, ordinal, nanos, clock, fromA, originalLength, d.payloadLength > 0);
            } else {
                runAnchor[i] = lastClock[i];
                runEpoch[i] = runsEpoch;
                run[i] = runs.start(ordinal, nanos, clock, a, p, fromA, originalLength, d.payloadLength > 0);
            }
            absorbed = true;
        } else {
            run[i] = -1; // a record of the flow: its run ends before it
            if (!sameFlow) {
                seen[i] = 0; // the flow may start again here
            }
        }
        if (seen[i] <= SETTLED) {
            seen[i]++;
        }
        lastNanos[i] = nanos;
        lastClock[i] = clock;
        return absorbed;
    }

    /**
     * After {@link #absorbs} said no: the clock mark to record before this packet, or
     * {@link Long#MIN_VALUE}: a packet timed before the latest time read sees the clock of that time.
     */
    long markBefore(long nanos) {
        long mark = NONE;
        if (nanos < clockBefore && shown < clockBefore) {
            mark = clockBefore;
            shown = clockBefore;
        }
        if (nanos > shown) {
            shown = nanos;
        }
        return mark;
    }

    /** At the flow table's upkeep: the clock mark to record, or {@link Long#MIN_VALUE}. */
    long markAtUpkeep() {
        if (clock > shown) {
            shown = clock;
            return clock;
        }
        return NONE;
    }

    /** The part's runs, in the order of their last packets. */
    Runs finish() {
        return runs.sorted();
    }

    private int find(long a, int p) {
        int mask = keys.length - 1;
        long h = a * 0x9E3779B97F4A7C15L ^ (p * 0xC2B2AE3D27D4EB4FL);
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        int i = (int) (h ^ h >>> 32) & mask;
        while (seen[i] != 0 && (keys[i] != a || portKeys[i] != p)) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void grow() {
        int capacity = keys.length * 2;
        if (capacity > MAX_ENTRIES * 2) {
            Arrays.fill(seen, 0); // start over: every flow counts as new, which only records more
            size = 0;
            return;
        }
        long[] ok = keys;
        int[] op = portKeys;
        int[] os = seen;
        long[] ol = lastNanos;
        long[] oc = lastClock;
        int[] or = run;
        long[] oa = runAnchor;
        int[] oe = runEpoch;
        int[] oep = epochs;
        keys = new long[capacity];
        portKeys = new int[capacity];
        seen = new int[capacity];
        lastNanos = new long[capacity];
        lastClock = new long[capacity];
        run = new int[capacity];
        runAnchor = new long[capacity];
        runEpoch = new int[capacity];
        epochs = new int[capacity];
        for (int i = 0; i < ok.length; i++) {
            if (os[i] != 0) {
                int j = find(ok[i], op[i]);
                keys[j] = ok[i];
                portKeys[j] = op[i];
                seen[j] = os[i];
                lastNanos[j] = ol[i];
                lastClock[j] = oc[i];
                run[j] = or[i];
                runAnchor[j] = oa[i];
                runEpoch[j] = oe[i];
                epochs[j] = oep[i];
            }
        }
    }
}
