package dev.ucaudit.roles;

import static dev.ucaudit.roles.DecoderChecks.ip;
import static dev.ucaudit.roles.DecoderChecks.learned;
import static dev.ucaudit.roles.DecoderChecks.summary;
import static dev.ucaudit.testing.EngineHarness.tcp4;
import static dev.ucaudit.testing.EngineHarness.udp4;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ucaudit.audit.FlowRecord;
import dev.ucaudit.audit.RolesFrom;
import dev.ucaudit.audit.Verdict;
import dev.ucaudit.inventory.IpAddress;
import dev.ucaudit.synth.Messages;
import dev.ucaudit.testing.EngineHarness;
import dev.ucaudit.testing.OnPublicCaptures;
import dev.ucaudit.testing.PublicCaptures;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Roles that what a CUCM node does names: its NTP, DNS and LDAP servers, the H.323 peers it calls and
 * is called by, the CTI applications it answers on CTIQBE. The node's own registration comes last in
 * the capture: links are decided after every address's own evidence, whatever the order.
 */
class LinkedRolesTest {
    @TempDir
    Path dir;

    private static final String CUCM = "10.0.0.10";
    private static final byte[] CTIQBE_ANSWER = {0, 0, 0, 0x20, 0, 1, 0, 0, 0, 0, 0, 4};

    private Path site() {
        return EngineHarness.writeFrames(dir, List.of(
                udp4(CUCM, 123, "10.0.0.50", 123, Messages.ntp(true)),
                udp4("10.0.0.50", 123, CUCM, 123, Messages.ntp(false)), // #2: the node's NTP server
                udp4(CUCM, 40000, "10.0.0.53", 53, Messages.dns(true, 40)),
                udp4("10.0.0.53", 53, CUCM, 40000, Messages.dns(false, 60)), // #4: its DNS server
                tcp4(CUCM, 41000, "10.0.0.60", 389, 0x18, Messages.ldap(true, 40)), // #5: it binds to its directory
                tcp4("10.0.0.60", 389, CUCM, 41000, 0x18, Messages.ldap(false, 20)),
                tcp4("10.0.0.70", 42000, CUCM, 2748, 0x18, new byte[] {0, 0, 0, 0x30, 0, 2, 0, 0}),
                tcp4(CUCM, 2748, "10.0.0.70", 42000, 0x18, CTIQBE_ANSWER), // #8: a CTI application
                tcp4(CUCM, 43000, "10.0.0.80", 1720, 0x18, Messages.q931Setup(1)), // #9: the node calls a gateway
                tcp4("10.0.0.90", 44000, CUCM, 1720, 0x18, Messages.q931Setup(2)), // #10: a host calls the node: weak
                udp4("10.1.0.20", 123, "10.0.0.51", 123, Messages.ntp(true)),
                udp4("10.0.0.51", 123, "10.1.0.20", 123, Messages.ntp(false)), // a phone's NTP server: no role
                tcp4("10.1.0.20", 51000, CUCM, 2000, 0x18, Messages.sccpRegister("SEP001122334455", new byte[] {10, 1, 0, 20})),
                tcp4(CUCM, 2000, "10.1.0.20", 51000, 0x18, Messages.sccp(0x0081, new byte[16])),
                tcp4(CUCM, 2000, "10.1.0.20", 51000, 0x18, Messages.sccp(0x0111, new byte[16]))));
    }

    @Test
    void whatANodeDoesNamesItsServersPeersAndApplications() {
        Path capture = site();
        EngineHarness.Run run = EngineHarness.withoutInventory().audit(capture);
        Map<IpAddress, LearnedRole> roles = learned(run);
        assertEquals("10.1.0.20=phone/low 10.0.0.10=cucm/high 10.0.0.50=ntp/low 10.0.0.53=dns/low 10.0.0.60=ldap/high"
                + " 10.0.0.70=cti-app/low 10.0.0.80=gateway/low 10.0.0.90=gateway/low", summary(roles));
        Evidence ntp = roles.get(ip("10.0.0.50")).evidence().get(0);
        assertEquals("answers NTP queries from CUCM node 10.0.0.10 (its NTP server)", ntp.what());
        assertEquals(new Where(capture.toString(), 2, ntp.first().timeNanos()), ntp.first());
        assertEquals(Strength.STRONG, ntp.strength());
        assertEquals(Strength.WEAK, roles.get(ip("10.0.0.90")).evidence().get(0).strength());
        assertEquals(8, roles.get(ip("10.0.0.70")).evidence().get(0).first().packet());
        assertNull(roles.get(ip("10.0.0.51")));

        Map<Integer, FlowRecord> byPort = run.flows().stream().filter(f -> f.initiator().text().startsWith("10.0.0.")
                || f.responder().text().equals(CUCM)).collect(Collectors.toMap(f -> f.responderPort() * 100 + f.initiator().bytes()[3] % 100,
                        f -> f, (a, b) -> a));
        assertDocumented(byPort.get(123 * 100 + 10), "T2-10");
        assertDocumented(byPort.get(53 * 100 + 10), "T2-05");
        assertDocumented(byPort.get(389 * 100 + 10), "T3-01");
        assertDocumented(byPort.get(2748 * 100 + 70), "T8-02");
        assertDocumented(byPort.get(1720 * 100 + 10), "T7-09");
        FlowRecord weak = byPort.get(1720 * 100 + 90); // its own Setup only: not used, so port-only
        assertEquals(Verdict.PORT_ONLY, weak.verdict(), weak.reason());
        assertEquals(RolesFrom.RESPONDER_LEARNED, weak.rolesFrom());
    }

    private static void assertDocumented(FlowRecord f, String rule) {
        assertEquals(Verdict.DOCUMENTED, f.verdict(), f.reason());
        assertEquals(rule, f.rule());
        assertEquals(RolesFrom.LEARNED, f.rolesFrom());
    }

    /** The far end of an intercluster trunk: a node that calls a node stays a node, its Setup only names the trunk. */
    @Test
    void aNodeCallingANodeIsAnInterclusterTrunk() {
        Path capture = EngineHarness.writeFrames(dir, List.of(
                tcp4("10.1.0.20", 51000, CUCM, 2000, 0x18, Messages.sccpRegister("SEP001122334455", new byte[] {10, 1, 0, 20})),
                tcp4(CUCM, 2000, "10.1.0.20", 51000, 0x18, Messages.sccp(0x0081, new byte[16])),
                tcp4("10.1.0.21", 51000, "10.0.0.11", 2000, 0x18, Messages.sccpRegister("SEP001122334466", new byte[] {10, 1, 0, 21})),
                tcp4("10.0.0.11", 2000, "10.1.0.21", 51000, 0x18, Messages.sccp(0x0081, new byte[16])),
                tcp4(CUCM, 43000, "10.0.0.11", 1720, 0x18, Messages.q931Setup(1))));
        LearnedRole other = learned(capture).get(ip("10.0.0.11"));
        assertEquals("cucm", other.role());
        assertEquals(Confidence.HIGH, other.confidence());
        assertEquals("receives Q.931 Setup from CUCM node 10.0.0.10 (an intercluster trunk)", other.evidence().get(other.evidence().size() - 1).what());
        assertFalse(other.evidence().stream().anyMatch(e -> e.role().equals("gateway")));
    }

    /**
     * Wireshark: ndpi-h323.pcap's Q.931 Setups (#6 10.1.3.143 → 10.1.6.18, #47 192.168.0.208 →
     * 192.168.0.1, #65 17.2.0.124 → 17.2.0.122); zeek-ldap-gc-3268-vlan.pcap's bindRequest #4 and
     * bindResponse #5 (10.0.0.1 → 10.0.0.2:3268); zeek-ntp-sync.pcap's symmetric passive answers (mode 2,
     * #18 from 69.44.57.60 ...) and a DNS response #2. No end is a CUCM node by its own evidence there,
     * so the links name no role.
     */
    @Test
    @OnPublicCaptures
    void publicCapturesLinkWhatWiresharkShows() {
        List<String> h323 = links("ndpi-h323.pcap");
        assertEquals(List.of("Q931_CALLS_CUCM 10.1.6.18 10.1.3.143 #6", "Q931_CALLED_BY_CUCM 10.1.3.143 10.1.6.18 #6",
                "Q931_CALLS_CUCM 192.168.0.1 192.168.0.208 #47", "Q931_CALLED_BY_CUCM 192.168.0.208 192.168.0.1 #47",
                "Q931_CALLS_CUCM 17.2.0.122 17.2.0.124 #65", "Q931_CALLED_BY_CUCM 17.2.0.124 17.2.0.122 #65"), h323);
        assertEquals(List.of("LDAP_BIND 10.0.0.1 10.0.0.2 #4", "LDAP_BOUND 10.0.0.1 10.0.0.2 #5"), links("zeek-ldap-gc-3268-vlan.pcap"));
        List<String> ntp = links("zeek-ntp-sync.pcap");
        assertEquals("DNS 192.168.50.50 192.168.0.1 #2", ntp.get(0));
        assertEquals("NTP 192.168.50.50 69.44.57.60 #18", ntp.get(1));
        assertEquals(16, ntp.size());
        assertNull(learned(PublicCaptures.require("zeek-ntp-sync.pcap")).get(ip("69.44.57.60")));
    }

    private static List<String> links(String capture) {
        return EngineHarness.withoutInventory().audit(PublicCaptures.require(capture)).outcome().result().evidence().links().stream()
                .map(l -> l.relation() + " " + l.anchor().text() + " " + l.subject().text() + " #" + l.first().packet()).toList();
    }
}
