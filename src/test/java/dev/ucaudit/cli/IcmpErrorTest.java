package dev.ucaudit.cli;

import dev.ucaudit.testing.Cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ucaudit.capture.PcapWriter;
import dev.ucaudit.synth.Frames;
import dev.ucaudit.synth.Host;
import dev.ucaudit.synth.Messages;
import dev.ucaudit.synth.Wire;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ICMP and ICMPv6 errors are evidence about the flow whose packet they quote (counted there apart, in
 * {@code icmp_errors}, never as its packets), or, when that flow is not open, make a flow whose reason
 * names it: never "echo-related traffic (ping)".
 */
class IcmpErrorTest {
    @TempDir
    Path dir;

    /** An ICMP(v6) error of the given type/code quoting {@code quotedIp} (the offending packet's IP bytes). */
    private static byte[] icmpError(int type, int code, byte[] quotedIp) {
        byte[] m = new byte[8 + Math.min(quotedIp.length, 548)];
        m[0] = (byte) type;
        m[1] = (byte) code;
        System.arraycopy(quotedIp, 0, m, 8, m.length - 8);
        return m;
    }

    @Test
    void errorsAreCountedInTheFlowTheyQuoteOrNameIt() throws Exception {
        Host phone = Host.of("p", "10.20.0.21", 1, -1);
        Host cucm = Host.of("c", "10.10.1.11", 2, -1);
        Host router = Host.of("r", "10.10.1.1", 3, -1);
        Host phone6 = Host.of("p6", "2001:db8:20::21", 4, -1);
        Host cucm6 = Host.of("c6", "2001:db8:10::11", 5, -1);
        Path pcap = dir.resolve("icmp.pcap");
        try (Wire w = new Wire(PcapWriter.create(pcap, 1, false), 1_700_000_000_000_000_000L)) {
            byte[] probe = Frames.udp(40000, 9999, Messages.text("hello"));
            w.udp(phone, 40000, cucm, 9999, Messages.text("hello"));
            byte[] quoted = Frames.ipv4(phone.address(), cucm.address(), 17, 1, 0x4000, probe);
            w.send(cucm, phone, 1, icmpError(3, 3, quoted));         // port unreachable, from the host itself
            w.send(router, phone, 1, icmpError(3, 13, quoted));      // administratively prohibited, from a router
            // time exceeded for a flow this capture never saw open
            byte[] unseen = Frames.ipv4(phone.address(), cucm.address(), 6, 2, 0x4000,
                    Arrays.copyOf(Frames.udp(41000, 8443, new byte[0]), 20));
            w.send(router, phone, 1, icmpError(11, 0, unseen));
            // ICMPv6 port unreachable quoting an IPv6 UDP datagram
            byte[] probe6 = Frames.udp(40001, 9998, Messages.text("hi"));
            w.udp(phone6, 40001, cucm6, 9998, Messages.text("hi"));
            w.send(cucm6, phone6, 58, icmpError(1, 4, Frames.ipv6(phone6.address(), cucm6.address(), 17, probe6)));
        }
        Path out = dir.resolve("r");
        Cli r = Cli.run("audit", "--out", out.toString(), pcap.toString());
        List<CSVRecord> flows = PublicCapturesAuditTest.flows(out);
        for (CSVRecord f : flows) {
            assertFalse(f.get("reason").contains("ping"), "an ICMP error is never ping: " + f);
        }
        CSVRecord udp = flows.stream().filter(f -> f.get("responder_port").equals("9999")).findFirst().orElseThrow();
        assertEquals("1", udp.get("packets"), "the datagram; its two ICMP errors are not its packets: " + udp);
        assertEquals("0", udp.get("packets_from_responder"), udp.toString());
        assertEquals("2", udp.get("icmp_errors"), udp.toString());
        assertEquals("one-way", udp.get("initiator_basis"), udp.toString());
        assertTrue(udp.get("reason").endsWith("; rejected: port unreachable ×1, administratively prohibited ×1"), udp.toString());
        CSVRecord udp6 = flows.stream().filter(f -> f.get("responder_port").equals("9998")).findFirst().orElseThrow();
        assertEquals("1", udp6.get("packets"), "the IPv6 datagram, without its ICMPv6 error: " + udp6);
        assertEquals("1", udp6.get("icmp_errors"), udp6.toString());
        List<CSVRecord> icmp = flows.stream().filter(f -> f.get("protocol").startsWith("icmp")).toList();
        assertEquals(1, icmp.size(), flows.toString());
        assertEquals("undocumented", icmp.get(0).get("verdict"));
        assertEquals("ICMP time exceeded for the flow tcp 10.20.0.21:41000 → 10.10.1.11:8443, which is not in this capture's"
                + " open flows: its verdict is unknown", icmp.get(0).get("reason"));
        assertTrue(r.status == 1, r.toString());
    }

    @Test
    void anErrorInsideATunnelCountsItsOwnIpPacketLikeEveryTunnelledPacket() throws Exception {
        Host phone = Host.of("p", "10.20.0.21", 1, -1);
        Host cucm = Host.of("c", "10.10.1.11", 2, -1);
        Host siteA = Host.of("a", "192.0.2.1", 3, -1);
        Host siteB = Host.of("b", "192.0.2.2", 4, -1);
        byte[] datagram = Frames.ipv4(phone.address(), cucm.address(), 17, 1, 0x4000, Frames.udp(40000, 9999, Messages.text("hello")));
        byte[] error = Frames.ipv4(cucm.address(), phone.address(), 1, 2, 0x4000, icmpError(3, 3, datagram));
        Path pcap = dir.resolve("ipip-icmp.pcap");
        try (PcapWriter w = PcapWriter.create(pcap, 1, false)) {
            long t = 1_700_000_000_000_000_000L;
            // IP-in-IP between two sites: the datagram one way, the port unreachable it caused the other way
            w.writePacket(t, Frames.ethernet(siteB.mac(), siteA.mac(), -1, 0x0800,
                    Frames.ipv4(siteA.address(), siteB.address(), 4, 10, 0x4000, datagram)));
            w.writePacket(t + 1_000_000, Frames.ethernet(siteA.mac(), siteB.mac(), -1, 0x0800,
                    Frames.ipv4(siteB.address(), siteA.address(), 4, 11, 0x4000, error)));
        }
        Path out = dir.resolve("t");
        Cli.run("audit", "--out", out.toString(), pcap.toString());
        CSVRecord udp = PublicCapturesAuditTest.flows(out).stream().filter(f -> f.get("responder_port").equals("9999"))
                .findFirst().orElseThrow();
        assertEquals("1", udp.get("packets"), udp.toString());
        assertEquals("1", udp.get("icmp_errors"), udp.toString());
        assertEquals(String.valueOf(datagram.length), udp.get("bytes"),
                "the inner flow counts the inner IP packets only, not the error; the frames are counted by their tunnel: " + udp);
    }

    /**
     * A SIP scanner's probes from its 5060 to a server's 5061/5062, rejected with "administratively
     * prohibited" by the server: the errors are not answers, so each probe stays a one-way flow started
     * by the scanner, undocumented, and says it was rejected. Counted as the server's packets, the
     * errors would make the flows two-way, and the catalog's listening-port rule (5060 is SIP's port)
     * would turn them around into flows started by the server toward the scanner.
     */
    @Test
    void aScannersRejectedProbesStayTheScanners() throws Exception {
        Host scanner = Host.of("s", "198.51.100.7", 1, -1);
        Host cucm = Host.of("c", "10.10.1.11", 2, -1);
        Path inv = dir.resolve("inv.csv");
        java.nio.file.Files.writeString(inv, "address,role,name\n10.10.1.11,cucm-publisher,cucm-pub\n");
        Path pcap = dir.resolve("scan.pcap");
        try (Wire w = new Wire(PcapWriter.create(pcap, 1, false), 1_700_000_000_000_000_000L)) {
            for (int port : new int[] {5061, 5062}) {
                byte[] options = Messages.text("OPTIONS sip:100@10.10.1.11 SIP/2.0\r\nVia: SIP/2.0/UDP 198.51.100.7:5060\r\n"
                        + "Call-ID: scan" + port + "\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n");
                w.udp(scanner, 5060, cucm, port, options);
                byte[] quoted = Frames.ipv4(scanner.address(), cucm.address(), 17, port, 0x4000, Frames.udp(5060, port, options));
                w.advanceMillis(1);
                w.send(cucm, scanner, 1, icmpError(3, 13, quoted));
                w.advanceMillis(100);
            }
        }
        Path out = dir.resolve("scan");
        Cli.run("audit", "--inventory", inv.toString(), "--out", out.toString(), pcap.toString());
        List<CSVRecord> flows = PublicCapturesAuditTest.flows(out);
        assertEquals(2, flows.size(), flows.toString());
        for (CSVRecord f : flows) {
            assertEquals("198.51.100.7", f.get("initiator"), "started by the scanner: " + f);
            assertEquals("5060", f.get("initiator_port"), f.toString());
            assertEquals("one-way", f.get("initiator_basis"), f.toString());
            assertEquals("undocumented", f.get("verdict"), f.toString());
            assertEquals("0", f.get("packets_from_responder"), f.toString());
            assertEquals("1", f.get("icmp_errors"), f.toString());
            assertTrue(f.get("reason").endsWith("; rejected: administratively prohibited ×1"), f.toString());
        }
    }
}
