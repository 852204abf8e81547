package dev.ucaudit.flow;

import dev.ucaudit.catalog.PortLookup;

/**
 * Decides which side opened a flow, as SPEC says: the sender of a TCP SYN; else the side that did
 * not send the SYN-ACK; else the first sender, corrected by the catalog when the first sender's port
 * is a documented listening port and the other's is not, or only inside a wider range such as the
 * ephemeral one (a flow first seen mid-stream). A flow whose
 * packets all go one way is initiated by its only sender: the catalog never turns it around.
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
    public record Decision(Side initiator, String basis) {
    }

    public Decision decide(Flow flow) {
        if (flow.decision() != null) {
            return flow.decision(); // decided when an earlier period of the flow was reported
        }
        if (flow.synFrom() != null) {
            return new Decision(flow.synFrom(), "syn");
        }
        if (flow.synAckFrom() != null) {
            return new Decision(flow.synAckFrom().other(), "syn-ack");
        }
        Side first = flow.firstSender();
        if (flow.packets(first.other()) == 0) {
            return new Decision(first, "one-way");
        }
        FlowKey k = flow.key();
        if (k.portA() >= 0) {
            int firstPort = first == Side.A ? k.portA() : k.portB();
            int otherPort = first == Side.A ? k.portB() : k.portA();
            int firstSpecific = lookup.candidates(k.protocol(), firstPort).narrowestListening();
            int otherSpecific = lookup.candidates(k.protocol(), otherPort).narrowestListening();
            // The first sender's port is a listening port, and a more specific one than the other's
            // (2000 beats a port that only falls inside the ephemeral range).
            if (firstSpecific <= SERVICE_PORTS && firstSpecific < otherSpecific) {
                return new Decision(first.other(), "catalog");
            }
        }
        return new Decision(first, "first-packet");
    }
}
