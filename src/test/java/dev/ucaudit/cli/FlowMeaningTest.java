package dev.ucaudit.cli;

import dev.ucaudit.testing.Cli;
import dev.ucaudit.testing.CliAudit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ucaudit.synth.Frames;
import dev.ucaudit.synth.Host;
import dev.ucaudit.synth.Messages;
import dev.ucaudit.synth.TcpSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20 §3: the meaning of a flow, not only its port. A TFTP upload is not the documented download;
 * only ICMP echo is ping; media cites the message that opened the port it was sent to.
 */
class FlowMeaningTest {
    @TempDir
    Path dir;

    private static final Host PHONE = Host.of("phone", "10.20.0.21", 1, -1);
    private static final Host CUCM = Host.of("cucm", "10.10.1.11", 2, -1);
    private static final Host GATEWAY = Host.of("gw", "10.30.0.1", 3, -1);
    private static final Host PHONE6 = Host.of("phone6", "2001:db8:20::21", 4, -1);
    private static final Host CUCM6 = Host.of("cucm6", "2001:db8:10::11", 5, -1);
    private static final Host ROUTER6 = Host.of("router6", "fe80::1", 6, -1);

    private Path inventory() throws Exception {
        return CliAudit.inventory(dir.resolve("inventory.csv"), """
                address,role,name
                10.20.0.0/24,phone,voice VLAN
                2001:db8:20::/64,phone,voice VLAN v6
                10.10.1.11,cucm-subscriber,cucm-sub
                2001:db8:10::11,cucm-subscriber,cucm-sub v6
                10.30.0.1,gateway,gw
                fe80::1,gateway,router
                """);
    }

    private static CSVRecord one(List<CSVRecord> flows, Predicate<CSVRecord> p) {
        List<CSVRecord> hits = flows.stream().filter(p).toList();
        assertEquals(1, hits.size(), hits + " in " + flows);
        return hits.get(0);
    }

    @Test
    void aTftpWriteRequestIsAnUploadNotTheDocumentedDownload() throws Exception {
        Path pcap = dir.resolve("tftp.pcap");
        CliAudit.capture(pcap, w -> {
            // the documented download: RRQ, the server answers from a new port
            w.udp(PHONE, 50001, CUCM, 69, Messages.tftpReadRequest("SEP001122334455.cnf.xml"));
            w.udp(CUCM, 40001, PHONE, 50001, Messages.tftpData(1, 100));
            w.udp(PHONE, 50001, CUCM, 40001, Messages.tftpAck(1));
            // an upload: WRQ, ACK 0 from the server's new port, then the data
            w.udp(PHONE, 50002, CUCM, 69, Messages.tftpWriteRequest("evil.cnf.xml"));
            w.udp(CUCM, 40002, PHONE, 50002, Messages.tftpAck(0));
            w.udp(PHONE, 50002, CUCM, 40002, Messages.tftpData(1, 100));
        });
        Path out = dir.resolve("r");
        Cli r = CliAudit.audit(out, pcap.toString(), "--inventory", inventory().toString());
        List<CSVRecord> flows = CliAudit.flows(out);
        CSVRecord rrq = one(flows, f -> f.get("initiator_port").equals("50001") && f.get("responder_port").equals("69"));
        assertEquals("documented", rrq.get("verdict"), rrq.toString());
        CSVRecord rrqData = one(flows, f -> f.get("responder_port").equals("50001") || f.get("initiator_port").equals("40001"));
        assertEquals("documented", rrqData.get("verdict"), rrqData.toString());
        CSVRecord wrq = one(flows, f -> f.get("initiator_port").equals("50002") && f.get("responder_port").equals("69"));
        assertEquals("undocumented", wrq.get("verdict"), wrq.toString());
        assertTrue(wrq.get("reason").startsWith("upload to the TFTP server: write request (WRQ) for evil.cnf.xml"), wrq.toString());
        CSVRecord upload = one(flows, f -> f.get("initiator_port").equals("40002") || f.get("responder_port").equals("40002"));
        assertEquals("undocumented", upload.get("verdict"), upload.toString());
        assertTrue(upload.get("reason").contains("upload to the TFTP server"), upload.toString());
        assertEquals(1, r.status, r.toString());
        assertTrue(Files.readString(out.resolve("report.html")).contains("upload to the TFTP server: write request (WRQ)"));
    }

    /** An ICMPv6 message of this type (neighbour solicitation 135, advertisement 136, router advertisement 134). */
    private static byte[] icmp6(int type) {
        byte[] m = new byte[24];
        m[0] = (byte) type;
        return m;
    }

    @Test
    void onlyEchoIsPingNeighbourAndRouterDiscoveryAreTheirOwnKinds() throws Exception {
        Path pcap = dir.resolve("icmp.pcap");
        CliAudit.capture(pcap, w -> {
            w.send(PHONE, CUCM, 1, Frames.icmpEcho(8, 7, 1));
            w.send(CUCM, PHONE, 1, Frames.icmpEcho(0, 7, 1));
            w.send(PHONE6, CUCM6, 58, icmp6(135));
            w.send(CUCM6, PHONE6, 58, icmp6(136));
            w.send(ROUTER6, PHONE6, 58, icmp6(134));
        });
        Path out = dir.resolve("r");
        CliAudit.audit(out, pcap.toString(), "--inventory", inventory().toString());
        List<CSVRecord> flows = CliAudit.flows(out);
        CSVRecord ping = one(flows, f -> f.get("protocol").equals("icmp"));
        assertEquals("documented", ping.get("verdict"), ping.toString());
        assertEquals("T2-01", ping.get("rule"));
        CSVRecord nd = one(flows, f -> f.get("protocol").equals("icmpv6") && f.get("responder").startsWith("2001:db8:10"));
        assertEquals("undocumented", nd.get("verdict"), nd.toString());
        assertEquals("ICMPv6 neighbour discovery (neighbour solicitation and advertisement: IPv6 address resolution on the link)"
                + " is not ping: the ICMP rows (T2-01, T2-02) document echo request and reply only", nd.get("reason"));
        CSVRecord ra = one(flows, f -> f.get("protocol").equals("icmpv6") && f.get("initiator").equals("fe80::1"));
        assertEquals("undocumented", ra.get("verdict"), ra.toString());
        assertTrue(ra.get("reason").startsWith("ICMPv6 router discovery (router solicitation and advertisement"), ra.toString());
        for (CSVRecord f : List.of(nd, ra)) {
            assertFalse(f.get("reason").contains("echo-related"), f.toString());
        }
    }

    @Test
    void mediaCitesTheMessageThatOpenedThePortItWentTo() throws Exception {
        Path pcap = dir.resolve("media.pcap");
        String call = "early-media-1@10.20.0.21";
        CliAudit.capture(pcap, w -> {
            String via = "10.20.0.21:5060";
            w.udp(PHONE, 5060, CUCM, 5060, Messages.sipRequest("INVITE", "sip:2000@10.10.1.11", "sip:1000@10.20.0.21",
                    "sip:2000@10.10.1.11", call, 1, via, Messages.sdp("10.20.0.21", 20000, 1)));
            w.udp(CUCM, 5060, PHONE, 5060, Messages.sipResponse(183, "Session Progress", "sip:1000@10.20.0.21",
                    "sip:2000@10.10.1.11", call, 1, "INVITE", via, Messages.sdp("10.30.0.1", 30000, 2)));
            w.udp(PHONE, 20000, GATEWAY, 30000, Messages.rtp(1, 160, 0x1234, 160));
            w.udp(GATEWAY, 30000, PHONE, 20000, Messages.rtp(1, 160, 0x5678, 160));
            w.udp(CUCM, 5060, PHONE, 5060, Messages.sipResponse(200, "OK", "sip:1000@10.20.0.21",
                    "sip:2000@10.10.1.11", call, 1, "INVITE", via, Messages.sdp("10.30.0.1", 30000, 2)));
            w.udp(PHONE, 20000, GATEWAY, 30000, Messages.rtp(2, 320, 0x1234, 160));
            // SCCP: the phone's receive port (OpenReceiveChannelAck), then where to send (StartMediaTransmission)
            TcpSession sccp = new TcpSession(w, PHONE, 51000, CUCM, 2000, 1000).open();
            sccp.fromClient(Messages.sccpOpenReceiveChannelAck(PHONE.address(), 24000, 77));
            sccp.fromServer(Messages.sccpStartMediaTransmission(5, 77, GATEWAY.address(), 16500));
            w.udp(PHONE, 24000, GATEWAY, 16500, Messages.rtp(1, 160, 0x9999, 160));
            w.udp(GATEWAY, 16500, PHONE, 24000, Messages.rtp(1, 160, 0x8888, 160));
        });
        Path out = dir.resolve("r");
        CliAudit.audit(out, pcap.toString(), "--inventory", inventory().toString());
        List<CSVRecord> flows = CliAudit.flows(out);
        CSVRecord early = one(flows, f -> f.get("responder_port").equals("30000"));
        assertEquals("documented", early.get("verdict"), early.toString());
        assertTrue(early.get("reason").contains("SDP in 183 to INVITE"), "the 183 opened 30000, not the INVITE or the 200: " + early);
        CSVRecord skinny = one(flows, f -> f.get("responder_port").equals("16500"));
        assertEquals("documented", skinny.get("verdict"), skinny.toString());
        assertTrue(skinny.get("reason").startsWith("SCCP StartMediaTransmission"), "StartMediaTransmission named 16500: " + skinny);
    }
}
