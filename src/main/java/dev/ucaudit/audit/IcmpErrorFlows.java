package dev.ucaudit.audit;

import dev.ucaudit.decode.DecodedPacket;
import dev.ucaudit.flow.Flow;
import dev.ucaudit.flow.FlowKey;
import dev.ucaudit.flow.FlowTable;
import dev.ucaudit.packet.RawPacket;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * An ICMP error is evidence about the flow whose packet it quotes, not one of its packets: counted
 * apart in that flow when it is open (never as a packet of either side, so a probe answered only by
 * errors stays a one-way, rejected attempt of its sender); otherwise it makes an ICMP flow whose
 * reason names the quoted flow, never "ping". Keeps those flows' reasons; bounded.
 */
final class IcmpErrorFlows {
    private static final int MAX_ICMP_ERROR_FLOWS = 100_000;
    private final Map<FlowKey, String> reasons = new HashMap<>();

    /** The reason of the ICMP error flow {@code key}, or null when it is not one. */
    String reason(FlowKey key) {
        return reasons.isEmpty() ? null : reasons.get(key);
    }

    /** As {@link #reason}, forgetting it: the flow finished. */
    String finished(FlowKey key) {
        return reasons.isEmpty() ? null : reasons.remove(key);
    }

    /** An ICMP packet: returns true when it is an error the quoted flow, open in {@code flows}, took. */
    boolean take(RawPacket raw, DecodedPacket d, FlowTable flows) {
        IcmpErrors.Quoted q = IcmpErrors.parse(d.protocol, raw.data, d.payloadOffset, d.payloadLength);
        if (q == null) {
            return false;
        }
        Flow quoted = flows.get(q.flow());
        if (quoted != null) {
            quoted.countIcmpError(q.description());
            return true;
        }
        int alen = d.addressLength();
        unmatched(FlowKey.of(d.protocol, Arrays.copyOf(d.src, alen), -1, Arrays.copyOf(d.dst, alen), -1), q);
        return false;
    }

    /** The ICMP flow {@code own} carries the error {@code q}, whose quoted flow is not open. */
    private void unmatched(FlowKey own, IcmpErrors.Quoted q) {
        if (reasons.size() < MAX_ICMP_ERROR_FLOWS) {
            byte[] quotedSource = q.flow().isFromA(q.quotedDestination(), q.quotedDestination().length, q.quotedDestinationPort())
                    ? q.flow().addressB() : q.flow().addressA();
            int quotedSourcePort = quotedSource == q.flow().addressA() ? q.flow().portA() : q.flow().portB();
            reasons.putIfAbsent(own, "ICMP " + q.description() + " for the flow " + q.flowText(quotedSource, quotedSourcePort)
                    + ", which is not in this capture's open flows: its verdict is unknown");
        }
    }
}
