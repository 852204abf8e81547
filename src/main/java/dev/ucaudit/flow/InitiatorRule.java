package dev.ucaudit.flow;

import dev.ucaudit.catalog.PortLookup;

/**
 * Decides which side opened a flow, as SPEC says: the sender of a TCP SYN; else the side that did
 * not send the SYN-ACK; else the first sender, corrected by the catalog when the first sender's port
 * is a documented listening port and the other's is not, or only inside a wider range such as the
 * ephemeral one (a flow first seen mid-stream). A flow whose packets all go one way is initiated by
 * its only sender, except a reply whose request was not captured (DHCP 67 → 68, SNMP 161 → a high
 * port): sent from a service port to a port that is none, it is oriented by the service port, as Zeek
 * does, so its client is the initiator (InitiatorBasis.REPLY_ONLY). A one-way flow that drew ICMP errors was
 * rejected: it is an attempt of its sender, never turned around.
 */
public final class InitiatorRule {
    /**
     * A port counts as a listening port for the correction only when a row names it among at most
     * this many ports: a service port such as 2000 or 389, not a media or ephemeral range.
     */
    static final int SERVICE_PORTS = 1000;

    private final PortLookup lookup;

    public InitiatorRule(PortLookup lookup) {
        this.lookup = lookup;
    }

    /** The initiating side and the basis of the decision. */
    public record Decision(Side initiator, InitiatorBasis basis) {
    }

    public Decision decide(Flow flow) {
        if (flow.decision() != null) {
            return flow.decision(); // decided when an earlier period of the flow was reported
        }
        if (flow.synFrom() != null) {
            return new Decision(flow.synFrom(), InitiatorBasis.SYN);
        }
        if (flow.synAckFrom() != null) {
            return new Decision(flow.synAckFrom().other(), InitiatorBasis.SYN_ACK);
        }
        Side first = flow.firstSender();
        if (flow.packets(first.other()) == 0) {
            return fromServicePort(flow, first) && flow.icmpErrors() == 0
                    ? new Decision(first.other(), InitiatorBasis.REPLY_ONLY) : new Decision(first, InitiatorBasis.ONE_WAY);
        }
        if (fromServicePort(flow, first)) {
            return new Decision(first.other(), InitiatorBasis.CATALOG);
        }
        return new Decision(first, InitiatorBasis.FIRST_PACKET);
    }

    /**
     * True when {@code sender}'s port is a listening port of the catalog, and a more specific one than
     * the other side's (2000 beats a port that only falls inside the ephemeral range).
     */
    private boolean fromServicePort(Flow flow, Side sender) {
        FlowKey k = flow.key();
        if (k.portA() < 0) {
            return false;
        }
        int senderPort = sender == Side.A ? k.portA() : k.portB();
        int otherPort = sender == Side.A ? k.portB() : k.portA();
        int senderSpecific = lookup.candidates(k.protocol(), senderPort).narrowestListening();
        int otherSpecific = lookup.candidates(k.protocol(), otherPort).narrowestListening();
        return senderSpecific <= SERVICE_PORTS && senderSpecific < otherSpecific;
    }
}
