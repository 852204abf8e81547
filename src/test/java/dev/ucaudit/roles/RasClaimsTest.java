package dev.ucaudit.roles;

import static dev.ucaudit.roles.DecoderChecks.claims;
import static dev.ucaudit.roles.DecoderChecks.everyPrefixIsSafe;
import static dev.ucaudit.roles.DecoderChecks.ip;
import static dev.ucaudit.roles.DecoderChecks.learned;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ucaudit.synth.Messages;
import dev.ucaudit.testing.OnPublicCaptures;
import dev.ucaudit.testing.PublicCaptures;
import java.util.List;
import org.junit.jupiter.api.Test;

class RasClaimsTest {
    @Test
    void onlyAGatekeeperConfirms() {
        assertEquals(List.of(Claim.source("gatekeeper", "answers H.225 RAS RCF", Strength.STRONG),
                Claim.destination("gateway", "answered H.225 RAS RCF (an H.323 endpoint)", Strength.WEAK)),
                claims(RasClaims::read, Messages.ras(4, 7), Scan.DETECTED));
    }

    @Test
    void anEndpointsRequestIsWeak() {
        List<Claim> c = claims(RasClaims::read, Messages.ras(3, 7), Scan.DETECTED);
        assertEquals(Strength.WEAK, c.get(0).strength());
        assertEquals("gatekeeper", c.get(1).role());
        assertEquals(List.of(), claims(RasClaims::read, Messages.ras(21, 7), Scan.DETECTED)); // IRQ
    }

    @Test
    void threeWay() {
        claims(RasClaims::read, new byte[] {0x10, 0}, Scan.NEEDS_MORE);
        claims(RasClaims::read, new byte[] {(byte) 0x80, 0, 0}, Scan.INVALID);
        claims(RasClaims::read, new byte[] {(byte) (30 << 2), 0, 0}, Scan.INVALID);
        everyPrefixIsSafe(RasClaims::read, Messages.ras(1, 9));
    }

    @Test
    @OnPublicCaptures
    void gatekeepersAnswerRegistrations() {
        // Wireshark: 17.2.0.161 answers gatekeeperConfirm/registrationConfirm/admissionConfirm to 17.2.0.124;
        // 10.47.208.50 answers registrationConfirm to 10.47.208.204's registrationRequests
        var roles = learned(PublicCaptures.require("ndpi-h323.pcap"));
        assertEquals("gatekeeper", roles.get(ip("17.2.0.161")).role());
        assertEquals(Confidence.HIGH, roles.get(ip("17.2.0.161")).confidence());
        assertEquals("gatekeeper", roles.get(ip("10.47.208.50")).role());
        assertEquals("gateway", roles.get(ip("17.2.0.124")).role());
        assertEquals(Confidence.LOW, roles.get(ip("17.2.0.124")).confidence()); // only weak: an endpoint's own requests
    }
}
