package dev.ucaudit.roles;

import static dev.ucaudit.roles.DecoderChecks.claims;
import static dev.ucaudit.roles.DecoderChecks.everyPrefixIsSafe;
import static dev.ucaudit.roles.DecoderChecks.ip;
import static dev.ucaudit.roles.DecoderChecks.learned;
import static dev.ucaudit.roles.DecoderChecks.summary;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ucaudit.synth.RoleMessages;
import dev.ucaudit.testing.EngineHarness;
import dev.ucaudit.testing.OnPublicCaptures;
import dev.ucaudit.testing.PublicCaptures;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CdpClaimsTest {
    private static final byte[] MAC = {0x00, 0x11, 0x22, 0x33, 0x44, 0x55};
    /** The frame's CDP part: after Ethernet (14) and SNAP (8). */
    private static final int CDP_OFFSET = 22;
    @TempDir
    Path dir;

    private static byte[] cdp(int capabilities) {
        byte[] frame = RoleMessages.cdp(MAC, "SEP001122334455", "Cisco IP Phone 8845", new byte[] {10, 1, 0, 20}, capabilities, 110);
        return Arrays.copyOfRange(frame, CDP_OFFSET, frame.length);
    }

    @Test
    void aPhoneSaysItsModelAndVoiceVlan() {
        assertEquals(List.of(Claim.named(ip("10.1.0.20"), "phone",
                "CDP: Cisco IP Phone 8845 (SEP001122334455), phone capability, voice VLAN 110", Strength.STRONG)),
                claims(CdpClaims::read, cdp(0x90), Scan.DETECTED));
    }

    @Test
    void aSwitchIsOnlyNamed() {
        List<Claim> c = claims(CdpClaims::read, cdp(0x28 | 0x80), Scan.DETECTED);
        assertEquals("endpoint", c.get(0).role());
        assertEquals(Strength.WEAK, c.get(0).strength());
    }

    @Test
    void threeWay() {
        claims(CdpClaims::read, new byte[] {2, (byte) 180}, Scan.NEEDS_MORE);
        claims(CdpClaims::read, new byte[] {7, (byte) 180, 0, 0}, Scan.INVALID);
        byte[] bad = cdp(0x90);
        bad[7] = (byte) 200; // the device id's length runs past the frame
        claims(CdpClaims::read, bad, Scan.INVALID);
        everyPrefixIsSafe(CdpClaims::read, cdp(0x90));
    }

    @Test
    void aCdpFrameIsEvidenceWithoutAFlow() {
        var run = EngineHarness.withoutInventory().audit(dir, List.of(
                RoleMessages.cdp(MAC, "SEP001122334455", "Cisco IP Phone 8845", new byte[] {10, 1, 0, 20}, 0x90, 110)));
        assertEquals(List.of(), run.flows());
        LearnedRole phone = learned(run).get(ip("10.1.0.20"));
        assertEquals("phone", phone.role());
        assertEquals(1, phone.evidence().get(0).first().packet());
    }

    @Test
    @OnPublicCaptures
    void switchesWithoutAddressesNameNoRole() {
        // Wireshark: two Catalyst 3560 switches (S1, S2) whose CDP address and LLDP carry 0.0.0.0 or none
        assertEquals("", summary(learned(PublicCaptures.require("tcpdump-lldp-cdp.pcap"))));
    }

    @Test
    @OnPublicCaptures
    void aRouterInAVoiceLanIsNamed() {
        // Wireshark: CDP from a cisco 1900 with address 192.168.44.210
        var roles = learned(PublicCaptures.require("heplify-sip-rtp-mgcp-h225-mix.pcap"));
        assertEquals("endpoint", roles.get(ip("192.168.44.210")).role());
    }
}
