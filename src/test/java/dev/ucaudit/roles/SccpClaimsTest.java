package dev.ucaudit.roles;

import static dev.ucaudit.roles.DecoderChecks.claims;
import static dev.ucaudit.roles.DecoderChecks.everyPrefixIsSafe;
import static dev.ucaudit.roles.DecoderChecks.ip;
import static dev.ucaudit.roles.DecoderChecks.learned;
import static dev.ucaudit.roles.DecoderChecks.summary;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ucaudit.synth.Messages;
import dev.ucaudit.testing.OnPublicCaptures;
import dev.ucaudit.testing.PublicCaptures;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SccpClaimsTest {
    private static final byte[] PHONE = {10, 1, 0, 20};

    @Test
    void registerNamesAPhoneAndItsCallManager() {
        List<Claim> c = claims(SccpClaims::read, Messages.sccpRegister("SEP001122334455", PHONE), Scan.DETECTED);
        assertEquals(List.of(Claim.source("phone", "sends SCCP Register as SEP001122334455", Strength.STRONG),
                Claim.destination("cucm", "receives SCCP Register from SEP001122334455", Strength.WEAK)), c);
    }

    @Test
    void aDeviceThatIsNoPhoneRegistersAsAMediaResource() {
        List<Claim> c = claims(SccpClaims::read, Messages.sccpRegister("CFB2", PHONE), Scan.DETECTED);
        assertEquals("gateway", c.get(0).role());
    }

    @Test
    void registerAckAndRejectComeFromACallManager() {
        assertEquals(List.of(Claim.source("cucm", "answers SCCP RegisterAck", Strength.STRONG)),
                claims(SccpClaims::read, Messages.sccp(0x0081, new byte[16]), Scan.DETECTED));
        assertEquals("cucm", claims(SccpClaims::read, Messages.sccp(0x009D, new byte[33]), Scan.DETECTED).get(0).role());
        assertEquals("cucm", claims(SccpClaims::read, Messages.sccpStartMediaTransmission(1, 2, PHONE, 20000), Scan.DETECTED)
                .get(0).role());
        assertEquals("phone", claims(SccpClaims::read, Messages.sccp(0x0006, new byte[8]), Scan.DETECTED).get(0).role());
    }

    @Test
    void otherMessagesAreDetectedWithoutClaims() {
        assertEquals(List.of(), claims(SccpClaims::read, Messages.sccpKeepAlive(), Scan.DETECTED));
    }

    @Test
    void threeWay() {
        claims(SccpClaims::read, new byte[11], Scan.NEEDS_MORE);
        claims(SccpClaims::read, Messages.text("GET / HTTP/1.1\r\n\r\n"), Scan.INVALID);
        byte[] register = Messages.sccpRegister("SEP001122334455", PHONE);
        claims(SccpClaims::read, Arrays.copyOf(register, 20), Scan.NEEDS_MORE);
        everyPrefixIsSafe(SccpClaims::read, register);
    }

    @Test
    @OnPublicCaptures
    void aHardwareConferenceBridgeRegistersToItsCallManager() {
        // Wireshark: 10.180.110.58 sends RegisterMessage (device NONSECURE_CONF), 10.180.110.48 answers RegisterAckMessage
        var roles = learned(PublicCaptures.require("ndpi-sccp-hw-conf-register.pcapng"));
        assertEquals("10.180.110.58=gateway/low 10.180.110.48=cucm/high", summary(roles));
        assertEquals("answers SCCP RegisterAck", roles.get(ip("10.180.110.48")).evidence().get(0).what());
        assertEquals(8, roles.get(ip("10.180.110.48")).evidence().get(0).first().packet());
    }

    @Test
    @OnPublicCaptures
    void aCallCapturedAfterRegistrationStillNamesTheCallManagerAndPhones() {
        // Wireshark: 192.168.193.12 sends CallState/SetRinger; .195.58 SoftKeyEvent, .195.50 OffHook
        assertEquals("192.168.195.58=phone/low 192.168.193.12=cucm/high 192.168.195.50=phone/low",
                summary(learned(PublicCaptures.require("ndpi-skinny.pcap"))));
    }
}
