package dev.ucaudit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ucaudit.catalog.IpProtocol;
import dev.ucaudit.inventory.IpAddress;
import org.junit.jupiter.api.Test;

class ScanDetectorTest {
    static FlowRecord flow(String from, String to, int port, String proto, long packets, long back, String flags) {
        return new FlowRecord(1, 2, IpAddress.parse(from), 40000, IpAddress.parse(to), port, IpProtocol.parse(proto), packets, packets * 60, "unknown", "unknown",
                Verdict.UNDOCUMENTED, "", "no row", "syn", "", "", packets - back, back, 0, 0, bits(flags), 0, 0, "",
                ContentSeen.NOT_BY_PORT, RolesFrom.NONE);
    }

    /** "SYN|RST" as TCP flag bits. */
    private static int bits(String flags) {
        java.util.List<String> names = java.util.List.of("FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR");
        int bits = 0;
        for (String name : flags.isEmpty() ? new String[0] : flags.split("\\|")) {
            bits |= 1 << names.indexOf(name);
        }
        return bits;
    }

    @Test
    void answeredShortFlowsToManyHostsAreNotAScan() {
        ScanDetector d = new ScanDetector();
        for (int i = 0; i < 5000; i++) {
            // CUCM pings 5,000 phones with SIP OPTIONS: each answered
            d.accept(flow("10.10.1.10", "10.20." + (i / 250) + "." + (i % 250), 5060, "udp", 2, 1, ""));
            // and TCP sessions that finish normally
            d.accept(flow("10.10.1.10", "10.20." + (i / 250) + "." + (i % 250), 443, "tcp", 4, 2, "SYN|ACK|FIN"));
        }
        assertTrue(d.scans().isEmpty());
    }

    @Test
    void hostSweepIsRecognizedAndCounted() {
        ScanDetector d = new ScanDetector();
        for (int i = 0; i < 3000; i++) {
            d.accept(flow("10.99.0.66", "10.20." + (i / 250) + "." + (i % 250), 22, "tcp", 2, 1, "SYN|RST|ACK"));
        }
        assertEquals(1, d.scans().size());
        ScanDetector.Entry e = d.scans().get(0);
        assertEquals(3000, e.probes());
        assertTrue(Math.abs(e.distinctHosts() - 3000) < 150, "estimate " + e.distinctHosts());
        assertTrue(e.describe().startsWith("10.99.0.66 probed about "), e.describe());
        assertTrue(e.describe().endsWith("on 1 port over tcp: 3,000 flows, all undocumented, 2 packets each"), e.describe());
    }

    @Test
    void manyInitiatorsStayBounded() {
        ScanDetector d = new ScanDetector();
        for (int i = 0; i < 200_000; i++) {
            d.accept(flow("10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255), "10.10.1.10", 80, "tcp", 1, 0, "SYN"));
        }
        // the documented bound (class comment): at most 4096 initiators followed, however many there are
        assertTrue(d.tracked() <= 4096, "initiators followed: " + d.tracked());
        assertTrue(d.tracked() > 0);
        for (int i = 0; i < 2000; i++) {
            d.accept(flow("10.99.0.66", "10.10.1.10", 1 + i, "tcp", 1, 0, "SYN"));
        }
        assertEquals("10.99.0.66", d.scans().get(0).initiator().text());
        assertTrue(d.tracked() <= 4096, "initiators followed: " + d.tracked());
    }
}
