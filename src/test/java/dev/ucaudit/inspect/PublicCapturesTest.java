package dev.ucaudit.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ucaudit.catalog.IpProtocol;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Runs the inspectors over public captures (skipped when absent). Every endpoint asserted here
 * was checked with tshark (conv,udp and the dissected signalling).
 */
class PublicCapturesTest {
    private static Optional<Expectation> matched(CaptureHarness h, String a, int ap, String b, int bp) {
        CaptureHarness.FlowKey f = new CaptureHarness.FlowKey(IpProtocol.UDP, RecordingContext.addr(a), ap, RecordingContext.addr(b), bp);
        CaptureHarness.FlowKey r = new CaptureHarness.FlowKey(IpProtocol.UDP, RecordingContext.addr(b), bp, RecordingContext.addr(a), ap);
        return Optional.ofNullable(h.matches.containsKey(f) ? h.matches.get(f) : h.matches.get(r));
    }

    private static void assertMatched(CaptureHarness h, String kind, String inspector, String a, int ap, String b, int bp) {
        Optional<Expectation> e = matched(h, a, ap, b, bp);
        assertTrue(e.isPresent(), "flow " + a + ":" + ap + " <-> " + b + ":" + bp + " not matched");
        assertEquals(kind, e.get().kind());
        assertEquals(inspector, e.get().inspector());
    }

    @Test
    void sipRtpLoopback() throws Exception {
        CaptureHarness h = CaptureHarness.run("pkts-sip-rtp.pcap");
        assertMatched(h, "rtp", "sip", "127.0.0.1", 6001, "127.0.0.1", 6000);
        assertEquals(0, h.stats.of("sip").malformed());
    }

    @Test
    void skinnyCallMatchesAllFiveRtpFlows() throws Exception {
        CaptureHarness h = CaptureHarness.run("ndpi-skinny.pcap");
        assertMatched(h, "rtp", "sccp", "192.168.195.58", 32144, "192.168.195.50", 17718);
        assertMatched(h, "rtp", "sccp", "192.168.195.58", 32150, "192.168.193.24", 9395);
        assertMatched(h, "rtp", "sccp", "192.168.195.50", 17726, "192.168.193.24", 9399);
        assertMatched(h, "rtp", "sccp", "192.168.195.58", 32152, "192.168.193.24", 9396);
        assertMatched(h, "rtp", "sccp", "192.168.195.50", 17732, "192.168.193.24", 9400);
        assertTrue(h.expectations.stream().anyMatch(e -> e.reason().equals(
                "SCCP OpenReceiveChannelAck, conference 19805770, pass-through party 16777295")));
        assertEquals(0, h.stats.of("sccp").malformed());
    }

    @Test
    void skinnyRegistrationHasNoMedia() throws Exception {
        CaptureHarness h = CaptureHarness.run("ndpi-sccp-hw-conf-register.pcapng");
        assertEquals(8, h.stats.of("sccp").messages());
        assertEquals(0, h.expectations.size());
    }

    @Test
    void h323ConnectGivesH245AndH245GivesMedia() throws Exception {
        CaptureHarness h = CaptureHarness.run("ndpi-h323.pcap");
        assertTrue(h.expectations.stream().anyMatch(e -> e.kind().equals("h245") && e.port() == 1232
                && e.address().getHostAddress().equals("10.1.6.18")
                && e.reason().contains("c0fef93ecd9ed6119ab2000476222017")));
        for (String s : new String[] {"10.1.3.143:5000:rtp", "10.1.3.143:5001:rtcp", "10.1.6.18:2006:rtp", "10.1.6.18:2007:rtcp"}) {
            String[] f = s.split(":");
            assertTrue(h.expectations.stream().anyMatch(e -> e.address().getHostAddress().equals(f[0])
                    && e.port() == Integer.parseInt(f[1]) && e.kind().equals(f[2])), s);
        }
        // the RTP of this very call (10.1.3.143:5000 <-> 10.1.6.18:2006) is in sipp-rtp-g711a.pcap; the
        // capture merges years-apart traces, so check in a fresh table (the run's table expired them)
        ExpectationTable fresh = new ExpectationTable(100, ExpectationTable.DEFAULT_TTL);
        h.expectations.forEach(fresh::add);
        assertTrue(fresh.match(IpProtocol.UDP, RecordingContext.addr("10.1.3.143"), 5000,
                RecordingContext.addr("10.1.6.18"), 2006).isPresent());
    }

    @Test
    void mixSipAndMgcp() throws Exception {
        CaptureHarness h = CaptureHarness.run("heplify-sip-rtp-mgcp-h225-mix.pcap");
        assertMatched(h, "rtp", "sip", "200.57.7.204", 8000, "200.57.7.196", 40376);
        assertMatched(h, "rtcp", "sip", "200.57.7.204", 8001, "200.57.7.196", 40377);
        assertMatched(h, "rtp", "mgcp", "200.57.7.202", 30000, "200.57.7.196", 40362);
        assertTrue(h.expectations.stream().anyMatch(e -> e.reason().contains("endpoint aaln/1@cpg2 connection 7c")));
    }

    @Test
    void tftpTransfersMatched() throws Exception {
        CaptureHarness h = CaptureHarness.run("ndpi-tftp.pcap");
        assertMatched(h, "tftp-data", "tftp", "192.168.0.10", 3445, "192.168.0.253", 50618);
        assertMatched(h, "tftp-data", "tftp", "172.28.5.170", 62058, "172.28.5.91", 44618);
        assertMatched(h, "tftp-data", "tftp", "192.168.2.200", 47649, "192.168.2.45", 35840);
        CaptureHarness t = CaptureHarness.run("tcpdump-tftp.pcap");
        assertMatched(t, "tftp-data", "tftp", "192.168.1.1", 59557, "192.168.1.2", 44935);
        assertEquals("TFTP data of read request for file1", t.expectations.get(0).reason());
    }

    @Test
    void sipOverSegmentedTcpAndFragmentedUdp() throws Exception {
        CaptureHarness tcp = CaptureHarness.run("pkts-sip-fragmented-tcp.pcap");
        assertEquals(4, tcp.expectations.size());
        assertEquals(0, tcp.stats.of("sip").malformed());
        CaptureHarness udp = CaptureHarness.run("pkts-sip-fragmented-udp.pcap");
        assertTrue(udp.expectations.stream().anyMatch(e -> e.address().getHostAddress().equals("10.108.158.224") && e.port() == 6000));
    }
}
