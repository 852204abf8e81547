package dev.ucaudit.inspect;

import dev.ucaudit.catalog.IpProtocol;
import dev.ucaudit.decode.DecodedPacket;
import dev.ucaudit.inspect.probe.SctpData;
import dev.ucaudit.packet.RawPacket;

/**
 * Hands a packet's payload to its flow's inspector: UDP fragments once reassembled, each whole user
 * message of SCTP DATA chunks like a datagram, TCP segments (also empty ones: flags matter) as they come.
 * The parsers are written not to throw; should one ever do, the message is counted as malformed for its
 * protocol, that flow's inspection stops, and the audit goes on (a bug in one parser must not cost the run).
 */
final class PayloadFeed {
    private final FragmentReassembler reassembler;
    private final InspectionCounters counters;

    PayloadFeed(FragmentReassembler reassembler, InspectionCounters counters) {
        this.reassembler = reassembler;
        this.counters = counters;
    }

    void feed(FlowState state, Direction dir, DecodedPacket d, RawPacket raw) {
        if (d.payloadAbsent && d.payloadLength > 0) {
            // a partial audit left out bytes an inspector reads: counted, the merge is not exact
            counters.payloadsMissing++;
            state.context.at(raw.timestampNanos);
            return;
        }
        state.context.at(raw.timestampNanos); // also advances the pinhole table's clock
        if (d.fragment && d.protocol == IpProtocol.UDP.number()) {
            reassembler.advanceTo(raw.timestampNanos);
            reassembler.offer(d, raw.data).ifPresent(whole -> {
                byte[] ip = whole.ipPayload();
                int off = whole.udpPayloadOffset();
                feed(state, dir, ip, off, ip.length - off, 0, 0);
            });
            return;
        }
        if (d.payloadLength <= 0 && d.protocol != IpProtocol.TCP.number()) {
            return;
        }
        if (d.protocol == IpProtocol.SCTP.number()) {
            SctpData.forEach(raw.data, d.payloadOffset, d.payloadLength, (b, o, l) -> {
                if (state.inspector != null) {
                    feed(state, dir, b, o, l, 0, 0);
                }
            });
            return;
        }
        feed(state, dir, raw.data, d.payloadOffset, d.payloadLength, d.tcpSeq, d.tcpFlags);
    }

    private static void feed(FlowState state, Direction dir, byte[] buf, int off, int len, long seq, int flags) {
        try {
            state.inspector.onPayload(state.context, dir, buf, off, len, seq, flags);
        } catch (RuntimeException e) {
            state.context.malformed("internal inspector error, inspection of this flow stopped: " + e);
            state.inspector = null;
        }
    }

    /** The first user message of an SCTP packet's payload, or the payload itself: {offset, length}; null when none. */
    static int[] firstMessage(DecodedPacket d, RawPacket raw) {
        if (d.protocol != IpProtocol.SCTP.number()) {
            return new int[] {d.payloadOffset, d.payloadLength};
        }
        int[] first = new int[2];
        first[1] = -1;
        SctpData.forEach(raw.data, d.payloadOffset, d.payloadLength, (b, o, l) -> {
            if (first[1] < 0) {
                first[0] = o;
                first[1] = l;
            }
        });
        return first[1] < 0 ? null : first;
    }
}
