package dev.ucaudit.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ucaudit.catalog.IpProtocol;
import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ExpectationTableTest {
    static InetAddress a(String s) {
        return RecordingContext.addr(s);
    }

    @Test
    void matchesEitherEndpointHonoursPeerAndExpiresInCaptureTime() {
        ExpectationTable t = new ExpectationTable(10, Duration.ofSeconds(60));
        t.add(new Expectation(a("10.0.0.7"), 49152, IpProtocol.UDP, "tftp", new Channel("tftp-data"), "r", a("10.0.0.1")));
        assertTrue(t.match(IpProtocol.UDP, a("10.0.0.1"), 40000, a("10.0.0.7"), 49152).isPresent());
        assertFalse(t.match(IpProtocol.UDP, a("10.0.0.99"), 40000, a("10.0.0.7"), 49152).isPresent()); // wrong peer
        assertFalse(t.match(IpProtocol.TCP, a("10.0.0.1"), 40000, a("10.0.0.7"), 49152).isPresent());
        t.advanceTo(61_000_000_000L);
        assertFalse(t.match(IpProtocol.UDP, a("10.0.0.1"), 40000, a("10.0.0.7"), 49152).isPresent());
        assertEquals(0, t.size());
    }

    @Test
    void boundedAndRtcpDoesNotShadowRtp() {
        ExpectationTable t = new ExpectationTable(2, Duration.ofMinutes(5));
        t.add(new Expectation(a("10.0.0.5"), 6001, IpProtocol.UDP, "sip", Channel.RTP, "r", null));
        t.add(new Expectation(a("10.0.0.5"), 6001, IpProtocol.UDP, "sip", Channel.RTCP, "r", null));
        assertEquals(Channel.RTP, t.match(IpProtocol.UDP, a("10.0.0.5"), 6001, a("10.0.0.6"), 7).orElseThrow().kind());
        for (int p = 1; p <= 10; p++) {
            t.add(new Expectation(a("10.0.0.5"), p, IpProtocol.UDP, "sip", Channel.RTP, "r", null));
        }
        assertTrue(t.size() <= 2);
    }
}
