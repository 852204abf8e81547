package dev.ucaudit.cli;

import dev.ucaudit.testing.Cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ucaudit.capture.PcapWriter;
import dev.ucaudit.synth.Host;
import dev.ucaudit.synth.Messages;
import dev.ucaudit.synth.Wire;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reply whose request was not captured (asymmetric routing, a SPAN of one direction) is oriented by
 * its service port, as Zeek does: the client is the initiator, and the flow is the exchange it belongs to.
 */
class ReplyOnlyTest {
    @TempDir
    Path dir;

    @Test
    void anSnmpResponseWithoutItsRequestIsTheReplyOfT211() throws Exception {
        Host nms = Host.of("nms", "10.30.0.5", 1, -1);
        Host cucm = Host.of("c", "10.10.1.11", 2, -1);
        Host stranger = Host.of("x", "203.0.113.9", 3, -1);
        Path inv = dir.resolve("inv.csv");
        Files.writeString(inv, "address,role,name\n10.10.1.11,cucm-publisher,cucm-pub\n10.30.0.5,snmp,nms\n");
        Path pcap = dir.resolve("snmp.pcap");
        try (Wire w = new Wire(PcapWriter.create(pcap, 1, false), 1_700_000_000_000_000_000L)) {
            for (int i = 0; i < 3; i++) {
                w.udp(cucm, 161, nms, 50123, Messages.snmp(false, i)); // the requests went another way
                w.advanceMillis(20);
            }
            // a stranger's datagram from source port 161: oriented as a reply too, but no row documents it
            w.udp(stranger, 161, cucm, 40000, Messages.text("probe"));
        }
        Path out = dir.resolve("r");
        Cli.run("audit", "--inventory", inv.toString(), "--out", out.toString(), pcap.toString());
        List<CSVRecord> flows = PublicCapturesAuditTest.flows(out);
        CSVRecord snmp = flows.stream().filter(f -> f.get("responder_port").equals("161") && f.get("responder").equals("10.10.1.11"))
                .findFirst().orElseThrow(() -> new AssertionError(flows.toString()));
        assertEquals("10.30.0.5", snmp.get("initiator"), "the manager asked: " + snmp);
        assertEquals("50123", snmp.get("initiator_port"), snmp.toString());
        assertEquals("reply-only", snmp.get("initiator_basis"), snmp.toString());
        assertEquals("documented", snmp.get("verdict"), snmp.toString());
        assertEquals("T2-11", snmp.get("rule"), snmp.toString());
        assertEquals("3", snmp.get("packets_from_responder"), snmp.toString());
        CSVRecord strange = flows.stream().filter(f -> f.toString().contains("203.0.113.9")).findFirst().orElseThrow();
        assertEquals("undocumented", strange.get("verdict"), "orientation never documents a stranger: " + strange);
        assertTrue(snmp.get("reason").endsWith("; only the reply was captured, oriented by its service port 161/udp"), snmp.toString());
    }
}
