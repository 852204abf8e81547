package dev.ucaudit.roles;

import static dev.ucaudit.roles.DecoderChecks.claims;
import static dev.ucaudit.roles.DecoderChecks.everyPrefixIsSafe;
import static dev.ucaudit.roles.DecoderChecks.ip;
import static dev.ucaudit.roles.DecoderChecks.learned;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ucaudit.synth.Messages;
import dev.ucaudit.testing.OnPublicCaptures;
import dev.ucaudit.testing.PublicCaptures;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SipClaimsTest {
    private static byte[] register() {
        return Messages.sipRequest("REGISTER", "sip:cucm.example.com", "sip:1001@cucm", "sip:1001@cucm", "r1@10.1.0.20", 1,
                "10.1.0.20:5060", null);
    }

    @Test
    void registerAndItsOkNameAPhoneAndItsRegistrar() {
        assertEquals(List.of(Claim.source("phone", "sends SIP REGISTER", Strength.STRONG),
                Claim.destination("cucm", "receives SIP REGISTER (named registrar)", Strength.WEAK)),
                claims(SipClaims::read, register(), Scan.DETECTED));
        List<Claim> ok = claims(SipClaims::read, Messages.sipResponse(200, "OK", "sip:1001@cucm", "sip:1001@cucm", "r1@10.1.0.20", 1,
                "REGISTER", "10.1.0.20:5060", null), Scan.DETECTED);
        assertEquals(Claim.source("cucm", "answers SIP REGISTER 200 (registrar)", Strength.STRONG), ok.get(0));
        List<Claim> inviteOk = claims(SipClaims::read, Messages.sipResponse(200, "OK", "sip:a@b", "sip:c@d", "x", 1, "INVITE",
                "10.1.0.20:5060", null), Scan.DETECTED);
        assertEquals(List.of(), inviteOk);
    }

    @Test
    void productHeadersAreWeak() {
        String options = "OPTIONS sip:x SIP/2.0\r\nUser-Agent: Cisco-CP8845/14.1.1\r\nServer: nothing\r\n\r\n";
        assertEquals(List.of(Claim.source("phone", "SIP User-Agent: Cisco-CP8845/14.1.1", Strength.WEAK)),
                claims(SipClaims::read, options.getBytes(StandardCharsets.US_ASCII), Scan.DETECTED));
        String cucm = "SIP/2.0 100 Trying\r\nServer: Cisco-CUCM14.0\r\nCSeq: 1 INVITE\r\n\r\n";
        assertEquals("cucm", claims(SipClaims::read, cucm.getBytes(StandardCharsets.US_ASCII), Scan.DETECTED).get(0).role());
    }

    @Test
    void threeWay() {
        claims(SipClaims::read, Messages.text("REGISTER sip:x SIP/2."), Scan.NEEDS_MORE);
        claims(SipClaims::read, Messages.text("GET / HTTP/1.1\r\n\r\n"), Scan.INVALID);
        claims(SipClaims::read, Messages.text("SIP/2.0 2x0 OK\r\n\r\n"), Scan.INVALID);
        everyPrefixIsSafe(SipClaims::read, register());
    }

    @Test
    @OnPublicCaptures
    void aPhoneRegistersToItsProvider() {
        // Wireshark (aaa.pcap): 192.168.1.2 sends REGISTER to 212.242.33.35 (answered 401/200 elsewhere); DHCP ACK from 192.168.1.1
        var roles = learned(PublicCaptures.require("sngrep-sip-aaa.pcap"));
        assertEquals("phone", roles.get(ip("192.168.1.2")).role());
        assertEquals(Confidence.HIGH, roles.get(ip("192.168.1.2")).confidence());
        assertEquals("cucm", roles.get(ip("212.242.33.35")).role());
        assertEquals(Confidence.LOW, roles.get(ip("212.242.33.35")).confidence()); // only named by the phone
        assertTrue(roles.get(ip("192.168.1.1")).evidence().get(0).what().contains("DHCP ACK"));
    }
}
