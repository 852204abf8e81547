package dev.ucaudit.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ucaudit.testing.Cli;
import dev.ucaudit.synth.LabSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** export on the lab site's report, and audit --allowed with the exported draft (a round trip). */
class ExportAndAllowedTest {
    @TempDir
    static Path dir;
    static Path pcap;
    static Path inventory;
    static Path report;
    static Path export;

    @BeforeAll
    static void auditAndExport() throws IOException {
        pcap = dir.resolve("lab.pcap");
        inventory = dir.resolve("inv.csv");
        LabSite.write(pcap, inventory);
        report = dir.resolve("report");
        assertEquals(1, Cli.run("audit", "--inventory", inventory.toString(), "--out", report.toString(), pcap.toString()).exit());
        export = dir.resolve("export");
        Cli r = Cli.run("export", report.toString(), "--out", export.toString(), "--inventory", inventory.toString());
        assertEquals(0, r.exit(), r.err());
    }

    @Test
    void asaLines() throws IOException {
        List<String> asa = Files.readAllLines(export.resolve("asa-acl.txt"));
        assertTrue(asa.contains("object-group network UC-PHONE"), asa.toString());
        assertTrue(asa.contains(" network-object 10.20.0.0 255.255.255.0"), asa.toString());
        assertTrue(asa.contains(" network-object 2001:db8:20::/64"), asa.toString());
        assertTrue(asa.contains("access-list UCAUDIT-ALLOWED extended permit tcp object-group UC-PHONE object-group UC-CUCM-SUBSCRIBER eq 2000"));
        assertTrue(asa.contains("access-list UCAUDIT-ALLOWED extended permit tcp object-group UC-PHONE object-group UC-CUCM-SUBSCRIBER range 6970 6971"));
        assertTrue(asa.contains("access-list UCAUDIT-ALLOWED extended permit udp object-group UC-PHONE object-group UC-GATEWAY range 16384 32767"));
        assertTrue(asa.contains("access-list UCAUDIT-ALLOWED extended permit udp object-group UC-PHONE object-group UC-PHONE range 32768 61000"));
        assertTrue(asa.contains("access-list UCAUDIT-ALLOWED extended permit icmp object-group UC-PHONE object-group UC-CUCM-SUBSCRIBER"));
        assertTrue(asa.stream().noneMatch(l -> l.contains(" eq 22") || l.contains(" eq 23") || l.contains("3306")),
                "undocumented flows must not be in the draft");
    }

    @Test
    void nftablesRules() throws IOException {
        String nft = Files.readString(export.resolve("nftables.nft"));
        assertTrue(nft.contains("\tset phone_v4 {\n\t\ttype ipv4_addr\n\t\tflags interval\n\t\telements = { 10.20.0.0/24 }\n\t}"), nft);
        assertTrue(nft.contains("\t\tip saddr @phone_v4 ip daddr @cucm_subscriber_v4 tcp dport { 2000, 6970-6971 } accept comment \"T6-03 T6-11 T6-12; 3 flows observed\"\n"), nft);
        assertTrue(nft.contains("\t\tip saddr @cucm_publisher_v4 ip daddr @ldap_v4 tcp dport 389 accept comment \"T3-01; 1 flow observed\"\n"), nft);
        assertTrue(nft.contains("\t\tip saddr @phone_v4 ip daddr @cucm_subscriber_v4 meta l4proto icmp accept"), nft);
    }

    @Test
    void allowedDraftAndInventoryDraft() throws IOException {
        List<String> allowed = Files.readAllLines(export.resolve("allowed-draft.csv"));
        assertTrue(allowed.get(0).startsWith("# DRAFT"));
        assertTrue(allowed.contains("phone,cucm-subscriber,tcp,\"2000,6970-6971\",T6-03 T6-11 T6-12; 3 flows observed"), allowed.toString());
        List<String> inv = Files.readAllLines(export.resolve("inventory-draft.csv"));
        assertTrue(inv.stream().anyMatch(l -> l.contains("roles LEARNED")));
        assertTrue(inv.contains("address,role,name,confidence,evidence"));
        // learned from what hosts said, no longer guessed from listening ports (issue 21)
        String sub = inv.stream().filter(l -> l.startsWith("10.10.1.11,")).findFirst().orElseThrow();
        assertTrue(sub.startsWith("10.10.1.11,cucm,learned,high,") && sub.contains("answers SCCP RegisterAck (strong, ")
                && sub.contains("serves SEP00AA00000021.cnf.xml by TFTP (TFTP server) (strong, "), sub);
        // the three phones of 10.20.0.0/24 (SCCP, SIP, SIP), nothing else learned there: one prefix row
        String phones = inv.stream().filter(l -> l.startsWith("10.20.0.0/24,")).findFirst().orElseThrow();
        assertTrue(phones.startsWith("10.20.0.0/24,phone,learned phone subnet,high,\"3 phones learned in this prefix"), phones);
        assertTrue(inv.stream().noneMatch(l -> l.startsWith("10.20.0.21,")), inv.toString());
        assertTrue(inv.stream().anyMatch(l -> l.startsWith("10.30.0.1,gateway,learned,high,")), inv.toString());
        // the admin workstation that knocked on the SCCP port said nothing about itself: no row
        assertTrue(inv.stream().noneMatch(l -> l.startsWith("10.50.0.100,")), inv.toString());
        // The draft inventory loads as an inventory.
        Cli r = Cli.run("audit", "--inventory", export.resolve("inventory-draft.csv").toString(), "--out",
                dir.resolve("guessed").toString(), "--fail-on", "none", pcap.toString());
        assertEquals(0, r.exit(), r.err());
    }

    @Test
    void auditWithTheDraftAsPolicyEscapesOnlyTheUndocumented() throws IOException {
        Path out = dir.resolve("with-policy");
        Cli r = Cli.run("audit", "--inventory", inventory.toString(), "--allowed", export.resolve("allowed-draft.csv").toString(),
                "--fail-on", "escaped", "--out", out.toString(), pcap.toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        List<String> escaped = Files.readAllLines(out.resolve("escaped.csv"));
        assertEquals(5, escaped.size(), escaped.toString());
        assertTrue(escaped.stream().skip(1).allMatch(l -> l.contains(",undocumented,")), escaped.toString());
        assertEquals(1, Files.readAllLines(out.resolve("unused-allowed.csv")).size());
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(4, summary.path("policy").path("escaped").asInt());
        assertEquals(1, summary.path("exit_status").asInt());

        Path plain = dir.resolve("no-policy");
        assertEquals(0, Cli.run("audit", "--inventory", inventory.toString(), "--fail-on", "none", "--out", plain.toString(),
                pcap.toString()).exit());
        JsonNode plainSummary = new ObjectMapper().readTree(plain.resolve("summary.json").toFile());
        assertTrue(plainSummary.path("policy").isMissingNode(), "no policy section without --allowed");
        assertTrue(Files.notExists(plain.resolve("escaped.csv")));
    }

    @Test
    void auditFailOnEscapedNeedsAPolicyAndBadPolicyStops() throws IOException {
        Cli r = Cli.run("audit", "--fail-on", "escaped", "--out", dir.resolve("x").toString(), pcap.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--fail-on escaped needs --allowed FILE"), r.err());
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "source,destination,protocol,ports,comment\nphone,cucm,tcp,20x0,\n");
        Cli b = Cli.run("audit", "--allowed", bad.toString(), "--out", dir.resolve("y").toString(), pcap.toString());
        assertEquals(2, b.exit());
        assertTrue(b.err().contains(bad + ":2: ports:"), b.err());
        assertTrue(Files.notExists(dir.resolve("y")), "nothing audited with a bad policy");
    }

    @Test
    void diffAgainstPolicyAlone() throws IOException {
        Path out = dir.resolve("policy-diff");
        Cli r = Cli.run("diff", "--allowed", export.resolve("allowed-draft.csv").toString(), "--fail-on", "escaped",
                "--out", out.toString(), report.toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("4 flow signatures escaped it"), r.out());
        Cli other = Cli.run("diff", "--allowed", export.resolve("allowed-draft.csv").toString(), "--fail-on", "unused-allowed",
                "--out", out.toString(), report.toString());
        assertEquals(1, other.exit(), "escaped flows count whenever a policy is checked: " + other.out());
        Cli none = Cli.run("diff", "--allowed", export.resolve("allowed-draft.csv").toString(), "--fail-on", "none",
                "--out", out.toString(), report.toString());
        assertEquals(0, none.exit(), none.out());
    }
}
