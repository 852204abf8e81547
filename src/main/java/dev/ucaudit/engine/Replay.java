package dev.ucaudit.engine;

import dev.ucaudit.audit.Auditor;
import dev.ucaudit.packet.RawPacket;
import dev.ucaudit.decode.DecodedPacket;
import java.util.List;

/**
 * Phase two of a split audit: feeds recorded packets, part after part in the merged order, through
 * one {@link Auditor} exactly as one run would have read them, including the flow table's upkeep
 * after every {@link Auditor#CLEAN_UP_EVERY}th packet (counted over all packets, IP or not, of all
 * parts). A part's {@link Runs} go in among its records at their last packets; its clock marks move
 * the capture clock as the packets aggregated there would have.
 */
final class Replay {
    private static final byte[] NO_BYTES = new byte[0];
    private final Auditor auditor;
    private final RawPacket raw = new RawPacket();
    private final DecodedPacket decoded = new DecodedPacket();
    /** Packets of the parts before the current one. */
    private long base;
    /** The upkeep ran after this many packets (over all parts), a multiple of the upkeep period. */
    private long upkept;

    Replay(Auditor auditor) {
        this.auditor = auditor;
    }

    /** One part's records and runs, merged in the order of their packets. */
    void part(String input, List<PacketBlock> blocks, Runs runs) {
        int r = 0;
        for (PacketBlock b : blocks) {
            for (int i = 0; i < b.count; i++) {
                while (r < runs.count && runs.ordinal[r] < b.ordinal[i]) {
                    run(input, runs, r++);
                }
                upkeepBefore(base + b.ordinal[i]);
                if (b.isClock(i)) {
                    auditor.advanceClockOnly(b.nanos[i]);
                } else {
                    boolean compact = b.load(i, input, raw, decoded);
                    auditor.replay(raw, compact ? decoded : null);
                }
            }
        }
        while (r < runs.count) {
            run(input, runs, r++);
        }
    }

    private void run(String input, Runs runs, int r) {
        upkeepBefore(base + runs.ordinal[r]);
        raw.set(input, runs.ordinal[r], runs.lastNanos[r], 0, NO_BYTES, 0, 0, 0);
        decoded.reset();
        decoded.ipVersion = 4;
        decoded.protocol = 17;
        long a = runs.addresses[r];
        put32(decoded.src, (int) (a >>> 32));
        put32(decoded.dst, (int) a);
        decoded.srcPort = runs.ports[r] >>> 16;
        decoded.dstPort = runs.ports[r] & 0xffff;
        decoded.payloadAbsent = true;
        auditor.replayRun(raw, decoded, new Auditor.Run(runs.firstNanos[r], runs.maxNanos[r], runs.clockNanos[r],
                runs.packetsA[r], runs.bytesA[r], runs.packetsB[r], runs.bytesB[r], runs.payloads[r]));
    }

    private static void put32(byte[] a, int v) {
        a[0] = (byte) (v >>> 24);
        a[1] = (byte) (v >>> 16);
        a[2] = (byte) (v >>> 8);
        a[3] = (byte) v;
    }

    /** The upkeep one run did after the multiples of its period among the packets before packet {@code g}. */
    private void upkeepBefore(long g) {
        long due = (g - 1) / Auditor.CLEAN_UP_EVERY * Auditor.CLEAN_UP_EVERY;
        if (due > upkept) {
            auditor.cleanUp(); // several periods passed among packets that were not IP: once is the same
            upkept = due;
        }
    }

    /** {@code packets} packets were read directly (not replayed) before the first replayed part. */
    void startAfter(long packets) {
        base = packets;
        upkept = packets / Auditor.CLEAN_UP_EVERY * Auditor.CLEAN_UP_EVERY;
    }

    /** The current part ended after {@code packets} packets in all (IP or not). */
    void endPart(long packets) {
        base += packets;
    }

    /** Before the end: the upkeep one run would still have done after the last IP packet. */
    void end() {
        upkeepBefore(base + 1);
    }
}
