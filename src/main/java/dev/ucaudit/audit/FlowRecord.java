package dev.ucaudit.audit;

import dev.ucaudit.catalog.IpProtocol;
import dev.ucaudit.inventory.IpAddress;

/**
 * One finished, classified flow: a row of flows.csv, with typed values that {@code report/}
 * formats. Addresses are {@link IpAddress} values, the protocol an {@link IpProtocol}. Ports are -1
 * for protocols without ports. Times are nanoseconds since the epoch. {@code tcpFlags} holds the TCP
 * flags seen in either direction as bits ({@link #TCP_FIN} = 0x01 ... CWR = 0x80), 0 for other
 * protocols. Roles are role names, as the catalog and the inventory name them. {@code icmpErrors}
 * counts the ICMP errors that quoted the flow's packets: evidence about it, in no packet count.
 * {@code tunnel} names the tunnel an inner flow came through ({@code gre 192.0.2.1 <> 192.0.2.2}), else
 * it is empty.
 * {@code content} says whether a port's row decided the verdict with a look at the flow's content or
 * by the port alone. {@code rolesFrom} says whether the roles were declared (an inventory) or learned
 * from the traffic.
 */
public record FlowRecord(long firstSeenNanos, long lastSeenNanos,
                         IpAddress initiator, int initiatorPort, IpAddress responder, int responderPort,
                         IpProtocol protocol, long packets, long bytes,
                         String initiatorRole, String responderRole,
                         Verdict verdict, String rule, String reason,
                         String initiatorBasis, String initiatorName, String responderName,
                         long packetsFromInitiator, long packetsFromResponder,
                         long bytesFromInitiator, long bytesFromResponder,
                         int tcpFlags, long fragments, long icmpErrors, String tunnel, ContentSeen content,
                         RolesFrom rolesFrom) {
    public static final int TCP_FIN = 0x01;

    public static final int TCP_RST = 0x04;

    public boolean documented() {
        return verdict == Verdict.DOCUMENTED;
    }
}
