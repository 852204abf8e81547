package dev.ucaudit.cli;

import dev.ucaudit.testing.Cli;
import dev.ucaudit.testing.CliAudit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ucaudit.synth.Host;
import dev.ucaudit.synth.Messages;
import dev.ucaudit.synth.TcpSession;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20 §2: readings of the guide a CUCM engineer accepts, each with its source, on the wire of a
 * real cluster: subscriber → publisher 2552, CUCM's RAS to its gatekeeper, syslog to a collector, phone
 * DNS over UDP, the directory's reply row that documents nothing on its own, T7-19's tcp, and the
 * voicemail server registering and trunking like a phone and a gateway.
 */
class CatalogReadingsTest {
    @TempDir
    Path dir;

    private static final Host PUB = Host.of("pub", "10.10.1.10", 1, -1);
    private static final Host SUB = Host.of("sub", "10.10.1.11", 2, -1);
    private static final Host PHONE = Host.of("phone", "10.20.0.21", 3, -1);
    private static final Host GATEWAY = Host.of("gw", "10.30.0.1", 4, -1);
    private static final Host GATEKEEPER = Host.of("gk", "10.30.0.9", 5, -1);
    private static final Host DNS = Host.of("dns", "10.40.0.7", 6, -1);
    private static final Host LDAP = Host.of("ad", "10.40.0.8", 7, -1);
    private static final Host SYSLOG = Host.of("syslog", "10.40.0.9", 8, -1);
    private static final Host UNITY = Host.of("cuc", "10.60.0.5", 9, -1);

    private Path inventory() throws Exception {
        return CliAudit.inventory(dir.resolve("inventory.csv"), """
                address,role,name
                10.10.1.10,cucm-publisher,pub
                10.10.1.11,cucm-subscriber,sub
                10.20.0.0/24,phone,phones
                10.30.0.1,gateway,gw
                10.30.0.9,gatekeeper,gk
                10.40.0.7,dns,dns
                10.40.0.8,ldap,ad
                10.40.0.9,syslog,collector
                10.60.0.5,voicemail,unity connection
                """);
    }

    private static CSVRecord to(List<CSVRecord> flows, String responder, String port) {
        return flows.stream().filter(f -> f.get("responder").equals(responder) && f.get("responder_port").equals(port))
                .findFirst().orElseThrow(() -> new AssertionError(responder + ":" + port + " not in " + flows));
    }

    @Test
    void readingsDocumentWhatAClusterDoes() throws Exception {
        Path pcap = dir.resolve("cluster.pcap");
        CliAudit.capture(pcap, w -> {
            new TcpSession(w, SUB, 45000, PUB, 2552, 100).open().fromServer("change").close();
            w.udp(SUB, 1719, GATEKEEPER, 1719, Messages.ras(3, 1));
            w.udp(GATEKEEPER, 1719, SUB, 1719, Messages.ras(4, 1));
            w.udp(SUB, 51514, SYSLOG, 514, Messages.text("<134>ccm: hello"));
            w.udp(PHONE, 53001, DNS, 53, Messages.dns(true, 40));
            w.udp(DNS, 53, PHONE, 53001, Messages.dns(false, 60));
            new TcpSession(w, LDAP, 389, SUB, 40000, 200).open().close(); // the directory opening CUCM's high port
            new TcpSession(w, GATEWAY, 45001, SUB, 4000, 300).open().close();
            new TcpSession(w, UNITY, 45002, SUB, 2000, 400).open().fromClient(Messages.sccpKeepAlive()).close();
            w.udp(SUB, 5060, UNITY, 5060, Messages.sipRequest("OPTIONS", "sip:cuc@10.60.0.5", "sip:cucm@10.10.1.11",
                    "sip:cuc@10.60.0.5", "trunk-1", 1, "10.10.1.11:5060", null));
            new TcpSession(w, UNITY, 45003, SUB, 8080, 500).open().close(); // phone XML services: not the voicemail's
        });
        Path out = dir.resolve("r");
        CliAudit.audit(out, pcap.toString(), "--inventory", inventory().toString());
        List<CSVRecord> flows = CliAudit.flows(out);
        assertEquals("T1-09", to(flows, "10.10.1.10", "2552").get("rule"), "subscriber → publisher 2552 is cucm → cucm");
        assertEquals("T7-07a", to(flows, "10.30.0.9", "1719").get("rule"), "CUCM's RAS requests to the gatekeeper");
        assertEquals("T1-02a", to(flows, "10.40.0.9", "514").get("rule"), "CUCM's syslog to a collector");
        assertEquals("T6-01a", to(flows, "10.40.0.7", "53").get("rule"), "phone DNS over UDP");
        CSVRecord ldapIn = to(flows, "10.10.1.11", "40000");
        assertEquals("undocumented", ldapIn.get("verdict"), "T3-02 documents no new connection from the directory: " + ldapIn);
        assertEquals("T7-19", to(flows, "10.10.1.11", "4000").get("rule"), "the guide's TCP kept for 4000-4005");
        assertEquals("T6-03", to(flows, "10.10.1.11", "2000").get("rule"), "voicemail ports register with SCCP as phones do");
        CSVRecord trunk = to(flows, "10.60.0.5", "5060");
        assertEquals("documented", trunk.get("verdict"), trunk.toString());
        assertTrue(Set.of("T6-08", "T7-21").contains(trunk.get("rule")), trunk.toString());
        CSVRecord xml = to(flows, "10.10.1.11", "8080");
        assertEquals("undocumented", xml.get("verdict"), "voicemail inherits only the rows roles.csv names: " + xml);
    }

    @Test
    void catalogShowsEachReadingsSource() {
        Cli r = Cli.run("catalog", "--port", "1719");
        assertTrue(r.out.contains("T7-07a"), r.out);
        assertTrue(r.out.contains("source: reading: H.225 RAS is a request/response exchange both ways"), r.out);
        Cli t3 = Cli.run("catalog", "--table", "3");
        assertTrue(t3.out.contains("[not indexed: covered by T3-01]"), t3.out);
        Cli vm = Cli.run("catalog", "--role", "voicemail");
        assertTrue(vm.out.contains("T6-03") && vm.out.contains("T7-21"), vm.out);
        assertFalse(vm.out.contains("T6-13"), "only the rows roles.csv names are inherited: " + vm.out);
        Cli syslog = Cli.run("catalog", "--port", "514");
        assertTrue(syslog.out.contains("T1-02a") && syslog.out.contains("source: reading: T1-01/T1-02 repeat"), syslog.out);
    }
}
