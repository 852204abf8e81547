package dev.ucaudit.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ucaudit.catalog.Catalog;
import dev.ucaudit.catalog.CatalogLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

class InitiatorRuleTest {
    private static final byte[] PHONE = {10, 20, 0, 21};
    private static final byte[] CUCM = {10, 10, 1, 11};
    private final Catalog catalog = new CatalogLoader().load(List.of());
    private final InitiatorRule rule = new InitiatorRule(catalog.lookup());

    private static Flow flow(int proto, byte[] firstSrc, int firstPort, byte[] firstDst, int firstDstPort) {
        FlowKey k = FlowKey.of(proto, firstSrc, firstPort, firstDst, firstDstPort);
        Side first = k.isFromA(firstSrc, firstSrc.length, firstPort) ? Side.A : Side.B;
        Flow f = new Flow(k, first, 0);
        return f;
    }

    @Test
    void synSenderOpens() {
        Flow f = flow(6, CUCM, 2000, PHONE, 51000);
        Side cucm = f.firstSender();
        f.count(cucm, 1, 60, 0x10);
        f.count(cucm.other(), 2, 60, 0x02);
        f.count(cucm, 3, 60, 0x12);
        InitiatorRule.Decision d = rule.decide(f);
        assertEquals(cucm.other(), d.initiator());
        assertEquals(InitiatorBasis.SYN, d.basis());
    }

    @Test
    void synAckReceiverOpensWhenTheSynWasMissed() {
        Flow f = flow(6, CUCM, 2000, PHONE, 51000);
        f.count(f.firstSender(), 1, 60, 0x12);
        f.count(f.firstSender().other(), 2, 60, 0x10);
        assertEquals(f.firstSender().other(), rule.decide(f).initiator());
        assertEquals(InitiatorBasis.SYN_ACK, rule.decide(f).basis());
    }

    @Test
    void midStreamFlowIsTurnedAroundByTheListeningPort() {
        Flow f = flow(6, CUCM, 2000, PHONE, 51000);
        f.count(f.firstSender(), 1, 60, 0x18);
        f.count(f.firstSender().other(), 2, 60, 0x10);
        InitiatorRule.Decision d = rule.decide(f);
        assertEquals(f.firstSender().other(), d.initiator(), "the phone opened the connection to 2000");
        assertEquals(InitiatorBasis.CATALOG, d.basis());
    }

    @Test
    void oneWayFlowToAServicePortIsItsSendersAttempt() {
        Flow f = flow(17, PHONE, 49152, CUCM, 69);
        f.count(f.firstSender(), 1, 60, 0);
        f.count(f.firstSender(), 2, 60, 0);
        assertEquals(f.firstSender(), rule.decide(f).initiator());
        assertEquals(InitiatorBasis.ONE_WAY, rule.decide(f).basis());
    }

    /** A reply whose request was not captured (SNMP 161 → a high port, DHCP 67 → 68): its client is the initiator. */
    @Test
    void aReplyFromAServicePortIsOrientedByIt() {
        Flow snmp = flow(17, CUCM, 161, PHONE, 49152);
        snmp.count(snmp.firstSender(), 1, 90, 0);
        assertEquals(snmp.firstSender().other(), rule.decide(snmp).initiator(), "the SNMP manager asked");
        assertEquals(InitiatorBasis.REPLY_ONLY, rule.decide(snmp).basis());
        Flow dhcp = flow(17, CUCM, 67, new byte[] {-1, -1, -1, -1}, 68);
        dhcp.count(dhcp.firstSender(), 1, 342, 0);
        assertEquals(dhcp.firstSender().other(), rule.decide(dhcp).initiator(), "the DHCP client asked");
        assertEquals(InitiatorBasis.REPLY_ONLY, rule.decide(dhcp).basis());
    }

    /** Rejected by ICMP errors, a flow from a service port is an attempt of its sender (a scanner's source port 5060), never a reply. */
    @Test
    void aRejectedOneWayFlowIsNeverTurnedAround() {
        Flow f = flow(17, CUCM, 5060, PHONE, 40000);
        f.count(f.firstSender(), 1, 400, 0);
        f.countIcmpError("port unreachable");
        assertEquals(f.firstSender(), rule.decide(f).initiator());
        assertEquals(InitiatorBasis.ONE_WAY, rule.decide(f).basis());
    }

    @Test
    void aWideRangeDoesNotTurnAFlowAround() {
        // TFTP data: the server's new port 45001 falls in the gateway media range 8000-48200, which is not a service port.
        Flow f = flow(17, CUCM, 45001, PHONE, 49152);
        f.count(f.firstSender(), 1, 560, 0);
        f.count(f.firstSender().other(), 2, 46, 0);
        assertEquals(f.firstSender(), rule.decide(f).initiator());
        assertEquals(InitiatorBasis.FIRST_PACKET, rule.decide(f).basis());
    }
}
