package dev.ucaudit.roles;

import static dev.ucaudit.roles.DecoderChecks.claims;
import static dev.ucaudit.roles.DecoderChecks.everyPrefixIsSafe;
import static dev.ucaudit.roles.DecoderChecks.ip;
import static dev.ucaudit.roles.DecoderChecks.learned;
import static dev.ucaudit.roles.DecoderChecks.summary;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ucaudit.synth.RoleMessages;
import dev.ucaudit.testing.OnPublicCaptures;
import dev.ucaudit.testing.PublicCaptures;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DhcpClaimsTest {
    private static final byte[] CLIENT = {10, 1, 0, 20};
    private static final byte[] SERVER = {10, 0, 0, 2};
    private static final byte[] TFTP1 = {10, 0, 0, 5};
    private static final byte[] TFTP2 = {10, 0, 0, 6};

    @Test
    void anAckNamesItsServerAndTheTftpServersOfOption150() {
        assertEquals(List.of(Claim.named(ip("10.0.0.2"), "dhcp", "DHCP server identifier in a DHCP ACK", Strength.STRONG),
                Claim.named(ip("10.0.0.5"), "cucm", "named TFTP server by DHCP option 150", Strength.WEAK),
                Claim.named(ip("10.0.0.6"), "cucm", "named TFTP server by DHCP option 150", Strength.WEAK)),
                claims(DhcpClaims::read, RoleMessages.dhcpAnswer(5, CLIENT, SERVER, TFTP1, TFTP2), Scan.DETECTED));
    }

    @Test
    void withoutServerIdentifierTheSenderIsTheServer() {
        assertEquals(List.of(Claim.source("dhcp", "answers DHCP OFFER", Strength.STRONG)),
                claims(DhcpClaims::read, RoleMessages.dhcpAnswer(2, CLIENT, null), Scan.DETECTED));
    }

    @Test
    void threeWay() {
        byte[] ack = RoleMessages.dhcpAnswer(5, CLIENT, SERVER, TFTP1);
        claims(DhcpClaims::read, Arrays.copyOf(ack, 200), Scan.NEEDS_MORE);
        byte[] badCookie = ack.clone();
        badCookie[236] = 0;
        claims(DhcpClaims::read, badCookie, Scan.INVALID);
        // option 150 says 8 bytes, the packet ends after 4: invalid, nothing claimed
        byte[] cut = Arrays.copyOf(ack, ack.length - 1); // without the end option
        cut[cut.length - 5] = 8;
        claims(DhcpClaims::read, cut, Scan.INVALID);
        everyPrefixIsSafe(DhcpClaims::read, ack);
    }

    @Test
    @OnPublicCaptures
    void aServerOffersAcksAndNaks() {
        // Wireshark: DHCP Offer, NAK and ACK with server identifier 128.2.6.152
        assertEquals("128.2.6.152=dhcp/high", summary(learned(PublicCaptures.require("zeek-dhcp.pcap"))));
    }
}
