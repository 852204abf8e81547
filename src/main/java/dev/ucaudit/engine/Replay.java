package dev.ucaudit.engine;

import dev.ucaudit.audit.Auditor;
import dev.ucaudit.packet.RawPacket;
import dev.ucaudit.decode.DecodedPacket;

/**
 * Phase two of a split audit: feeds recorded packets, part after part in the merged order, through
 * one {@link Auditor} exactly as one run would have read them, including the flow table's upkeep
 * every {@link Auditor#CLEAN_UP_EVERY} packets (counted over all packets, IP or not, of all parts).
 */
final class Replay {
    private final Auditor auditor;
    private final RawPacket raw = new RawPacket();
    private final DecodedPacket decoded = new DecodedPacket();
    /** Packets of the parts before the current one. */
    private long base;
    /** Number (over all parts) of the last packet replayed. */
    private long done;

    Replay(Auditor auditor) {
        this.auditor = auditor;
    }

    void block(String input, EventBlock b) {
        for (int i = 0; i < b.count; i++) {
            long g = base + b.ordinal[i];
            if ((g - 1) / Auditor.CLEAN_UP_EVERY > done / Auditor.CLEAN_UP_EVERY) {
                auditor.cleanUp(); // after a multiple of the upkeep period passed among packets that were not IP
            }
            boolean compact = b.load(i, input, raw, decoded);
            auditor.replay(raw, compact ? decoded : null);
            done = g;
            if (g % Auditor.CLEAN_UP_EVERY == 0) {
                auditor.cleanUp();
            }
        }
    }

    /** {@code packets} packets were read directly (not replayed) before the first replayed part. */
    void startAfter(long packets) {
        base = packets;
        done = packets;
    }

    /** The current part ended after {@code packets} packets in all (IP or not). */
    void endPart(long packets) {
        base += packets;
    }

    /** Before the end: the upkeep one run would still have done after the last IP packet. */
    void end() {
        if (base / Auditor.CLEAN_UP_EVERY > done / Auditor.CLEAN_UP_EVERY) {
            auditor.cleanUp();
        }
    }
}
