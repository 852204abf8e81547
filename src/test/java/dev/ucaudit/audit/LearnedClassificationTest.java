package dev.ucaudit.audit;

import static dev.ucaudit.testing.EngineHarness.tcp4;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ucaudit.report.FindingGroups;
import dev.ucaudit.synth.Messages;
import dev.ucaudit.testing.EngineHarness;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without an inventory, flows are classified with the roles learned from the whole run's evidence. */
class LearnedClassificationTest {
    @TempDir
    Path dir;

    private static final byte[] NONE = new byte[0];

    /** A phone's TVS connection (2445/tcp, phone → cucm) that closes before the phone registers. */
    private static List<byte[]> tvsThenRegister(String answeredBy) {
        return List.of(
                tcp4("10.1.0.20", 51500, "10.0.0.180", 2445, 0x02, NONE),
                tcp4("10.0.0.180", 2445, "10.1.0.20", 51500, 0x12, NONE),
                tcp4("10.1.0.20", 51500, "10.0.0.180", 2445, 0x11, NONE),
                tcp4("10.0.0.180", 2445, "10.1.0.20", 51500, 0x11, NONE),
                tcp4("10.1.0.20", 51500, "10.0.0.180", 2445, 0x02, NONE), // the same ports again: the first flow has finished
                tcp4("10.1.0.20", 51000, "10.0.0.180", 2000, 0x18, Messages.sccpRegister("SEP001122334455", new byte[] {10, 1, 0, 20})),
                tcp4(answeredBy, 2000, "10.1.0.20", 51000, 0x18, Messages.sccp(0x0081, new byte[16])),
                tcp4("10.0.0.180", 2000, "10.1.0.20", 51000, 0x18, Messages.sccp(0x0111, new byte[16])));
    }

    @Test
    void aFlowThatEndedBeforeTheEvidenceIsClassifiedWithIt() {
        List<FlowRecord> flows = EngineHarness.withoutInventory().audit(dir, tvsThenRegister("10.0.0.180")).flows();
        FlowRecord tvs = flows.get(0);
        assertEquals(2445, tvs.responderPort());
        assertEquals(4, tvs.packets()); // the first of the two TVS flows
        assertEquals(Verdict.DOCUMENTED, tvs.verdict(), tvs.reason());
        assertEquals("T6-05", tvs.rule());
        assertEquals("phone", tvs.initiatorRole());
        assertEquals("cucm", tvs.responderRole());
        assertEquals(RolesFrom.LEARNED, tvs.rolesFrom());
    }

    /** With an inventory, learned roles change nothing: the same flow is the inventory's. */
    @Test
    void withAnInventoryRolesAreDeclared() throws Exception {
        Path inventory = dir.resolve("inventory.csv");
        java.nio.file.Files.writeString(inventory, "address,role,name\n10.1.0.20,phone,p\n");
        List<FlowRecord> flows = EngineHarness.withInventory(inventory).audit(dir, tvsThenRegister("10.0.0.180")).flows();
        assertEquals(Verdict.UNDOCUMENTED, flows.get(0).verdict());
        assertEquals("unknown", flows.get(0).responderRole());
        assertEquals(RolesFrom.DECLARED, flows.get(0).rolesFrom());
    }

    /**
     * A host that lies: the phone's own address also answers a RegisterAck, so its evidence contradicts
     * itself and it stays unknown; the TVS flow is then port-only (the phone's role is unknown), never
     * documented by what the liar said, and never undocumented either.
     */
    @Test
    void aContradictoryHostIsNotUsed() {
        List<FlowRecord> flows = EngineHarness.withoutInventory().audit(dir, tvsThenRegister("10.1.0.20")).flows();
        FlowRecord tvs = flows.get(0);
        assertEquals(Verdict.PORT_ONLY, tvs.verdict(), tvs.reason());
        assertEquals("unknown", tvs.initiatorRole());
        assertEquals("cucm", tvs.responderRole());
        assertEquals(RolesFrom.RESPONDER_LEARNED, tvs.rolesFrom());
    }

    /** Held no longer than --max-flows: with a table of one flow, each finished flow is classified at once, before the evidence. */
    @Test
    void theHoldIsBoundedByMaxFlows() {
        List<FlowRecord> flows = EngineHarness.withoutInventory().with(c -> c.with(c.settings().toBuilder().maxFlows(1).maxFlowRows(100).maxConversations(100).build()))
                .audit(dir, tvsThenRegister("10.0.0.180")).flows();
        assertEquals(Verdict.PORT_ONLY, flows.get(0).verdict(), flows.get(0).reason());
        assertEquals(RolesFrom.NONE, flows.get(0).rolesFrom());
    }

    /**
     * A learned role rules out only what it excludes: a phone is nothing else, so its web browsing on
     * 80/tcp (rows admin → cucm, cucm → phone) is undocumented; a learned DHCP server may answer DNS too,
     * so the phone's DNS query to it stays port-only rather than undocumented.
     */
    @Test
    void aLearnedRoleRulesOutOnlyWhatItExcludes() {
        List<byte[]> frames = new java.util.ArrayList<>(tvsThenRegister("10.0.0.180"));
        frames.add(EngineHarness.udp4("10.0.0.2", 67, "10.1.0.20", 68, dev.ucaudit.synth.RoleMessages.dhcpAnswer(5,
                new byte[] {10, 1, 0, 20}, new byte[] {10, 0, 0, 2})));
        frames.add(EngineHarness.udp4("10.1.0.20", 40000, "10.0.0.2", 53, Messages.dns(true, 40)));
        frames.add(tcp4("10.1.0.20", 52000, "192.0.2.80", 80, 0x18, Messages.text("GET / HTTP/1.1\r\nHost: x\r\n\r\n")));
        List<FlowRecord> flows = EngineHarness.withoutInventory().audit(dir, frames).flows();
        FlowRecord dns = flows.stream().filter(f -> f.responderPort() == 53).findFirst().orElseThrow();
        assertEquals(Verdict.PORT_ONLY, dns.verdict(), dns.reason());
        assertEquals("dhcp", dns.responderRole());
        FlowRecord web = flows.stream().filter(f -> f.responderPort() == 80).findFirst().orElseThrow();
        assertEquals(Verdict.UNDOCUMENTED, web.verdict(), web.reason());
        assertEquals("80/tcp is documented only from admin → cucm (T4-01), cucm → phone (T5-01); this flow is phone → unknown;"
                + " roles learned from the traffic (no inventory given)", web.reason());
        assertEquals(RolesFrom.INITIATOR_LEARNED, web.rolesFrom());
        // report.html's findings and the terminal group it with the others whose roles were learned the same way
        assertEquals("phone → unknown (learned initiator)", FindingGroups.of(flows).largestFirst().get(0).roles());
    }
}
