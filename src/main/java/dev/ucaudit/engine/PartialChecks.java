package dev.ucaudit.engine;

import dev.ucaudit.audit.RunStats;
import dev.ucaudit.audit.TunnelStats;
import java.io.IOException;
import java.util.List;

/**
 * A part's counts checked against what was read of it (see {@link PartialAuditFormat}): no count
 * negative or beyond {@link PartialBudget#MAX_PACKETS} packets or {@link PartialBudget#MAX_BYTES}
 * bytes; IP and non-IP packets within the packets; the IP packets exactly those its blocks and runs
 * hold, numbered in order within its packets and timed within its window (a run at its last packet,
 * a clock mark beside a packet); its inputs' packets its own; a
 * window that does not end before it starts. A crafted partial claiming otherwise gave exit 0 and
 * "every flow is documented".
 */
final class PartialChecks {
    private PartialChecks() {
    }

    static void counts(String name, String input, RunStats s, List<PacketBlock> blocks, Runs runs)
            throws IOException {
        long recorded = runs.packets();
        for (PacketBlock b : blocks) {
            for (int i = 0; i < b.count; i++) {
                recorded += b.isClock(i) ? 0 : 1;
            }
        }
        String where = name + ": damaged partial audit: the part " + input;
        long max = PartialBudget.MAX_PACKETS;
        if (s.packets < 0 || s.packets > max || s.bytes < 0 || s.bytes > PartialBudget.MAX_BYTES || s.ipPackets < 0
                || s.ipPackets > max || s.nonIpPackets < 0 || s.nonIpPackets > max || s.fragments < 0 || s.fragments > max
                || s.problemsTotal() < 0 || s.problemsTotal() > max) {
            throw new IOException(where + " claims an impossible count (" + s.packets + " packets, " + s.bytes + " bytes)");
        }
        boolean badTunnel = s.tunnels.packetsOfUnlisted() < 0 || s.tunnels.packetsOfUnlisted() > max;
        for (TunnelStats.Tunnel t : s.tunnels.tunnels()) {
            badTunnel |= t.packets() < 0 || t.packets() > max || t.bytes() < 0 || t.bytes() > PartialBudget.MAX_BYTES;
        }
        boolean badCategory = s.undecodable().values().stream().anyMatch(n -> n < 0 || n > max)
                || s.unknownLinkTypes().values().stream().anyMatch(n -> n < 0 || n > max);
        if (badTunnel || badCategory) {
            throw new IOException(where + " claims an impossible count of tunnel or undecodable packets");
        }
        if (s.ipPackets + s.nonIpPackets > s.packets || s.fragments > s.ipPackets) {
            throw new IOException(where + " claims more IP and non-IP packets than packets");
        }
        // every IP packet is recorded; of the non-IP ones only the discovery frames (CDP, LLDP) that learned roles read
        if (recorded < s.ipPackets || recorded > s.ipPackets + s.nonIpPackets) {
            throw new IOException(where + " claims " + s.ipPackets + " IP packets (and " + s.nonIpPackets
                    + " others) but holds " + recorded);
        }
        long inputs = 0;
        for (RunStats.InputStats i : s.inputs()) {
            if (i.packets < 0 || i.packets > max || i.problems < 0 || i.problems > max) {
                throw new IOException(where + " claims an impossible count for the input " + i.name);
            }
            inputs += i.packets;
        }
        if (inputs != s.packets) {
            throw new IOException(where + " claims " + s.packets + " packets but its inputs " + inputs);
        }
        if (s.packets > 0 && s.firstNanos > s.lastNanos) {
            throw new IOException(where + " ends (" + s.lastNanos + " ns) before it starts (" + s.firstNanos + " ns)");
        }
        long record = 0;
        long any = 0;
        int r = 0;
        for (PacketBlock b : blocks) {
            for (int i = 0; i < b.count; i++) {
                long o = b.ordinal[i];
                boolean clock = b.isClock(i);
                while (r < runs.count && runs.ordinal[r] < o) {
                    any = run(where, s, runs, r++, record, any);
                }
                boolean runHere = r < runs.count && runs.ordinal[r] == o;
                if (o < any || o > s.packets || (!clock && (o <= record || runHere)) || o < 1) {
                    throw new IOException(where + ": packet " + o + " out of order or beyond its " + s.packets + " packets");
                }
                any = o;
                record = clock ? record : o;
                if (b.nanos[i] < s.firstNanos || b.nanos[i] > s.lastNanos) {
                    throw new IOException(where + ": packet " + o + " is timed outside the part's window");
                }
            }
        }
        while (r < runs.count) {
            any = run(where, s, runs, r++, record, any);
        }
    }

    /** Run {@code r} checked against the part: after the records before it, within its packets and window. */
    private static long run(String where, RunStats s, Runs runs, int r, long record, long any) throws IOException {
        long o = runs.ordinal[r];
        if (o <= record || o < any || o > s.packets || o < runs.packets(r)) {
            throw new IOException(where + ": the run ending at packet " + o + " is out of order or beyond its " + s.packets + " packets");
        }
        if (runs.firstNanos[r] < s.firstNanos || runs.clockNanos[r] > s.lastNanos) {
            throw new IOException(where + ": the run ending at packet " + o + " is timed outside the part's window");
        }
        return o;
    }
}
