package dev.ucaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ucaudit.synth.Messages;
import dev.ucaudit.synth.RoleMessages;
import dev.ucaudit.testing.Cli;
import dev.ucaudit.testing.EngineHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** summary.json's roles_observed and roles, report.html's section and the terminal lines, with and without an inventory. */
class LearnedRolesReportTest {
    @TempDir
    Path dir;

    /** 10.0.0.180 answers a phone's SCCP Register; 10.1.0.20 is a phone; 10.0.0.2 hands out TFTP server 10.0.0.180. */
    private Path capture() {
        return EngineHarness.writeFrames(dir, List.of(
                EngineHarness.tcp4("10.1.0.20", 51000, "10.0.0.180", 2000, 0x18, Messages.sccpRegister("SEP001122334455",
                        new byte[] {10, 1, 0, 20})),
                EngineHarness.tcp4("10.0.0.180", 2000, "10.1.0.20", 51000, 0x18, Messages.sccp(0x0081, new byte[16])),
                EngineHarness.tcp4("10.1.0.20", 51000, "10.0.0.180", 2000, 0x18, Messages.sccp(0x0006, new byte[8])),
                EngineHarness.tcp4("10.0.0.180", 2000, "10.1.0.20", 51000, 0x18, Messages.sccp(0x0111, new byte[16])),
                EngineHarness.udp4("10.0.0.2", 67, "10.1.0.20", 68, RoleMessages.dhcpAnswer(5, new byte[] {10, 1, 0, 20},
                        new byte[] {10, 0, 0, 2}, new byte[] {10, 0, 0, (byte) 181}))));
    }

    @Test
    void anInventoryContradictedByTheWireIsAFinding() throws Exception {
        Path capture = capture();
        Path inventory = dir.resolve("inventory.csv");
        Files.writeString(inventory, "address,role,name\n10.0.0.180,admin,ops-pc\n10.1.0.0/24,phone,voice\n");
        Path out = dir.resolve("report");
        Cli run = Cli.run("audit", "--inventory", inventory.toString(), "--out", out.toString(), capture.toString());
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        JsonNode cucm = summary.get("roles_observed").get(1);
        assertEquals("10.0.0.180", cucm.get("address").asText());
        assertEquals("cucm", cucm.get("role").asText());
        assertEquals("high", cucm.get("confidence").asText());
        assertEquals("admin", cucm.get("inventory_role").asText());
        assertEquals("answers SCCP RegisterAck", cucm.get("evidence").get(0).get("what").asText());
        assertEquals(capture + " #2", cucm.get("evidence").get(0).get("where").asText());
        JsonNode roles = summary.get("roles");
        assertEquals(1, roles.get("contradicted").asInt());
        assertEquals(1, roles.get("not_in_inventory").asInt()); // the DHCP server 10.0.0.2
        String finding = "10.0.0.180 answers SCCP RegisterAck (" + capture + " #2), so it acts as cucm, but the inventory says admin";
        assertEquals(finding, roles.get("findings").get(0).get("finding").asText());
        assertTrue(run.out().contains("ucaudit: role contradicted: " + finding), run.out());
        assertTrue(Files.readString(out.resolve("report.html")).contains(finding.replace("&", "&amp;")));
        // the phone is in the inventory's prefix, as declared: no finding; 10.0.0.181 is only named by DHCP option 150
        assertEquals("phone", summary.get("roles_observed").get(0).get("inventory_role").asText());
        assertEquals("cucm", summary.get("roles_observed").get(3).get("role").asText());
        assertEquals("low", summary.get("roles_observed").get(3).get("confidence").asText());
    }

    @Test
    void withoutInventoryRolesAreListedWithoutFindings() throws Exception {
        Path out = dir.resolve("report");
        Cli run = Cli.run("audit", "--out", out.toString(), capture().toString());
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(4, summary.get("roles").get("addresses").asInt());
        assertTrue(summary.get("roles_observed").get(0).path("inventory_role").isMissingNode());
        assertEquals(0, summary.get("roles").get("findings").size());
        assertTrue(run.out().contains("ucaudit: roles learned from the traffic: 4 addresses (2 high confidence, 2 low, 0 contradictory)"),
                run.out());
    }

    /**
     * Without an inventory the learned roles classify: the phone's SCCP flow to the node that answered
     * its Register is documented with both ends learned; the DHCP answer's ends are the DHCP server and
     * the phone, both learned (its row, endpoint → cucm, needs a role the DHCP server did not show but may
     * have: port-only).
     * 10.0.0.181, only named by DHCP option 150 (weak), is not used. The report says so at the top, the
     * terminal and summary.json count it.
     */
    @Test
    void withoutInventoryLearnedRolesClassifyTheirHostsFlows() throws Exception {
        Path out = dir.resolve("report");
        Cli run = Cli.run("audit", "--out", out.toString(), capture().toString());
        List<String> flows = Files.readAllLines(out.resolve("flows.csv"));
        assertTrue(flows.get(0).endsWith(",tunnel,roles_from"), flows.get(0));
        String sccp = flows.stream().filter(l -> l.contains(",10.0.0.180,2000,")).findFirst().orElseThrow();
        assertTrue(sccp.contains(",phone,cucm,documented,T"), sccp);
        assertTrue(sccp.endsWith(",learned"), sccp);
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(2, summary.get("roles").get("flows_by_roles_from").get("learned").asInt());
        assertEquals(0, summary.get("roles").get("flows_by_roles_from").get("none").asInt());
        assertTrue(summary.get("inventory").get("classification").asText().startsWith("by port and learned role"));
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("Roles were learned from the traffic: 1 cucm, 1 dhcp, 1 phone, from DHCP, SCCP"), html);
        assertTrue(run.out().contains("used to classify 2 flows (both ends learned: 2)"), run.out());
        String dhcp = flows.stream().filter(l -> l.contains(",10.0.0.2,67,")).findFirst().orElseThrow();
        assertTrue(dhcp.contains(",phone,dhcp,port-only,T2-06,"), dhcp); // a DHCP server may be a CUCM node too: not ruled out
    }

    /** With an inventory nothing is learned into the classification: every row's roles are declared. */
    @Test
    void withAnInventoryEveryRowsRolesAreDeclared() throws Exception {
        Path inventory = dir.resolve("inventory.csv");
        Files.writeString(inventory, "address,role,name\n10.0.0.180,admin,ops-pc\n");
        Path out = dir.resolve("report");
        Cli.run("audit", "--inventory", inventory.toString(), "--out", out.toString(), capture().toString());
        List<String> flows = Files.readAllLines(out.resolve("flows.csv"));
        assertEquals(3, flows.size());
        assertTrue(flows.subList(1, 3).stream().allMatch(l -> l.endsWith(",declared")), String.join("\n", flows));
        assertTrue(flows.get(1).contains(",unknown,admin,undocumented,"), flows.get(1));
    }
}
