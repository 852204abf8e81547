package dev.ucaudit.roles;

import static dev.ucaudit.roles.DecoderChecks.everyPrefixIsSafe;
import static dev.ucaudit.roles.DecoderChecks.links;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ucaudit.synth.Messages;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The decoders of links (NTP, DNS, LDAP, Q.931, CTIQBE answers): what each links, and their three-way answers. */
class LinkDecodersTest {
    private static final Link NTP = new Link(Relation.NTP, Claim.About.DESTINATION);
    private static final Link DNS = new Link(Relation.DNS, Claim.About.DESTINATION);
    private static final DecoderChecks.Decoder<Link> DNS_UDP = (b, o, l, out) -> ServiceLinks.dns(b, o, l, false, out);
    private static final DecoderChecks.Decoder<Link> DNS_TCP = (b, o, l, out) -> ServiceLinks.dns(b, o, l, true, out);

    @Test
    void anNtpServersReplyLinksItsClient() {
        assertEquals(List.of(NTP), links(ServiceLinks::ntp, Messages.ntp(false), Scan.DETECTED));
        assertEquals(List.of(), links(ServiceLinks::ntp, Messages.ntp(true), Scan.DETECTED));
        links(ServiceLinks::ntp, Arrays.copyOf(Messages.ntp(false), 47), Scan.NEEDS_MORE);
        byte[] version7 = Messages.ntp(false);
        version7[0] = (byte) 0x3c;
        links(ServiceLinks::ntp, version7, Scan.INVALID);
        links(ServiceLinks::ntp, new byte[] {0x3c}, Scan.INVALID);
        everyPrefixIsSafe(ServiceLinks::ntp, Messages.ntp(false));
    }

    @Test
    void aDnsResponseLinksItsClientOverUdpAndTcp() {
        assertEquals(List.of(DNS), links(DNS_UDP, Messages.dns(false, 40), Scan.DETECTED));
        assertEquals(List.of(), links(DNS_UDP, Messages.dns(true, 40), Scan.DETECTED));
        byte[] udp = Messages.dns(false, 40);
        byte[] tcp = new byte[udp.length + 2];
        tcp[1] = (byte) udp.length;
        System.arraycopy(udp, 0, tcp, 2, udp.length);
        assertEquals(List.of(DNS), links(DNS_TCP, tcp, Scan.DETECTED));
        links(DNS_UDP, Arrays.copyOf(udp, 11), Scan.NEEDS_MORE);
        links(DNS_UDP, Arrays.copyOf(udp, 20), Scan.NEEDS_MORE); // inside the name
        byte[] longLabel = udp.clone();
        longLabel[12] = 64;
        links(DNS_UDP, longLabel, Scan.INVALID);
        links(DNS_UDP, Messages.text("HTTP/1.1 200 OK\r\n\r\n"), Scan.INVALID);
        everyPrefixIsSafe(DNS_UDP, udp);
        everyPrefixIsSafe(DNS_TCP, tcp);
    }

    @Test
    void anLdapBindLinksTheClientToItsDirectory() {
        assertEquals(List.of(new Link(Relation.LDAP_BIND, Claim.About.SOURCE)), links(LdapLinks::read, Messages.ldap(true, 40), Scan.DETECTED));
        assertEquals(List.of(new Link(Relation.LDAP_BOUND, Claim.About.DESTINATION)),
                links(LdapLinks::read, Messages.ldap(false, 20), Scan.DETECTED));
        byte[] search = Messages.ldap(true, 40);
        search[7] = 0x63;
        assertEquals(List.of(), links(LdapLinks::read, search, Scan.DETECTED));
        links(LdapLinks::read, Arrays.copyOf(Messages.ldap(true, 40), 7), Scan.NEEDS_MORE);
        links(LdapLinks::read, Messages.tlsHello(true, 40), Scan.INVALID);
        links(LdapLinks::read, new byte[] {0x30, (byte) 0x85, 0, 0, 0, 0, 0}, Scan.INVALID);
        links(LdapLinks::read, new byte[] {0x30, 0x10, 0x04, 1, 1, 0x60}, Scan.INVALID); // messageID not an INTEGER
        links(LdapLinks::read, new byte[] {0x30, 0x10, 0x02, 1, 1, 0x30}, Scan.INVALID); // not an APPLICATION tag
        everyPrefixIsSafe(LdapLinks::read, Messages.ldap(true, 40));
    }

    @Test
    void aQ931SetupLinksCallerAndCallee() {
        assertEquals(List.of(new Link(Relation.Q931_CALLS_CUCM, Claim.About.DESTINATION),
                new Link(Relation.Q931_CALLED_BY_CUCM, Claim.About.SOURCE)), links(CallLinks::q931, Messages.q931Setup(7), Scan.DETECTED));
        byte[] alerting = Messages.q931Setup(7);
        alerting[8] = 0x01;
        assertEquals(List.of(), links(CallLinks::q931, alerting, Scan.DETECTED));
        links(CallLinks::q931, Arrays.copyOf(Messages.q931Setup(7), 9), Scan.NEEDS_MORE);
        links(CallLinks::q931, new byte[] {3, 0, 0, 4}, Scan.INVALID);
        byte[] notQ931 = Messages.q931Setup(7);
        notQ931[4] = 0x09;
        links(CallLinks::q931, notQ931, Scan.INVALID);
        links(CallLinks::q931, Messages.text("GET / HTTP/1.1"), Scan.INVALID);
        everyPrefixIsSafe(CallLinks::q931, Messages.q931Setup(7));
    }

    @Test
    void aBinaryAnswerFromCtiqbeLinksTheClient() {
        assertEquals(List.of(new Link(Relation.CTIQBE, Claim.About.SOURCE)),
                links(CallLinks::ctiqbeAnswer, new byte[] {0, 0, 0, 0x20, 0, 1, 0, 0}, Scan.DETECTED));
        links(CallLinks::ctiqbeAnswer, new byte[] {0, 0}, Scan.NEEDS_MORE);
        links(CallLinks::ctiqbeAnswer, Messages.tlsHello(false, 40), Scan.INVALID);
        links(CallLinks::ctiqbeAnswer, Messages.text("HTTP/1.1 400 Bad Request"), Scan.INVALID);
        links(CallLinks::ctiqbeAnswer, new byte[] {0x16}, Scan.INVALID);
        everyPrefixIsSafe(CallLinks::ctiqbeAnswer, new byte[] {0, 0, 0, 0x20, 0, 1});
    }
}
