package dev.ucaudit.roles;

import static dev.ucaudit.roles.DecoderChecks.claims;
import static dev.ucaudit.roles.DecoderChecks.everyPrefixIsSafe;
import static dev.ucaudit.roles.DecoderChecks.learned;
import static dev.ucaudit.roles.DecoderChecks.summary;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ucaudit.synth.Messages;
import dev.ucaudit.testing.OnPublicCaptures;
import dev.ucaudit.testing.PublicCaptures;
import java.util.List;
import org.junit.jupiter.api.Test;

class MgcpClaimsTest {
    @Test
    void rsipComesFromAGatewayToItsCallAgent() {
        assertEquals(List.of(Claim.source("gateway", "sends MGCP RSIP for *@gw1.example.com", Strength.STRONG),
                Claim.destination("cucm", "receives MGCP RSIP (named call agent)", Strength.WEAK)),
                claims(MgcpClaims::read, Messages.mgcp("RSIP 1200 *@gw1.example.com MGCP 1.0\nRM: restart\n"), Scan.DETECTED));
    }

    @Test
    void connectionCommandsComeFromTheCallAgent() {
        List<Claim> c = claims(MgcpClaims::read, Messages.mgcp("CRCX 77 aaln/1@gw1 MGCP 1.0\nC: A3C47F\nM: recvonly\n"),
                Scan.DETECTED);
        assertEquals("cucm", c.get(0).role());
        assertEquals("gateway", c.get(1).role());
    }

    @Test
    void responsesAreDetectedWithoutClaims() {
        assertEquals(List.of(), claims(MgcpClaims::read, Messages.mgcp("200 1200 OK\n"), Scan.DETECTED));
    }

    @Test
    void threeWay() {
        claims(MgcpClaims::read, Messages.text("RSIP 12"), Scan.NEEDS_MORE);
        claims(MgcpClaims::read, Messages.mgcp("HELO 1 x MGCP 1.0\n"), Scan.INVALID);
        claims(MgcpClaims::read, Messages.mgcp("RSIP x *@gw MGCP 1.0\n"), Scan.INVALID);
        claims(MgcpClaims::read, Messages.mgcp("GET / HTTP/1.1\n"), Scan.INVALID);
        everyPrefixIsSafe(MgcpClaims::read, Messages.mgcp("RSIP 1200 *@gw1.example.com MGCP 1.0\nRM: restart\n"));
    }

    @Test
    @OnPublicCaptures
    void aGatewayRestartsToItsCallAgent() {
        // Wireshark: 172.16.1.116 sends RQNT (MGCP 0.1) to 172.16.1.119, which sends RSIP 31656860 answered 200;
        // 10.10.244.2 sends RQNT/AUEP to the VG224 10.10.228.72, which sends NTFY/RSIP; then single RQNT probes
        // from scattered addresses: one message each, so low confidence
        assertEquals("172.16.1.116=cucm/high 172.16.1.119=gateway/high 10.10.228.72=gateway/high 10.10.244.2=cucm/high"
                + " 187.43.37.188=cucm/low 196.167.59.124=gateway/low 67.232.180.250=cucm/low 186.112.128.179=gateway/low"
                + " 92.173.166.213=cucm/low 83.250.239.33=gateway/low", summary(learned(PublicCaptures.require("ndpi-mgcp.pcap"))));
    }
}
