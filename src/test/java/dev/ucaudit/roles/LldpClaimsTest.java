package dev.ucaudit.roles;

import static dev.ucaudit.roles.DecoderChecks.claims;
import static dev.ucaudit.roles.DecoderChecks.everyPrefixIsSafe;
import static dev.ucaudit.roles.DecoderChecks.ip;
import static dev.ucaudit.roles.DecoderChecks.learned;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ucaudit.capture.CaptureFiles;
import dev.ucaudit.capture.PacketSource;
import dev.ucaudit.packet.CaptureProblem;
import dev.ucaudit.packet.PacketSink;
import dev.ucaudit.packet.RawPacket;
import dev.ucaudit.synth.RoleMessages;
import dev.ucaudit.testing.EngineHarness;
import dev.ucaudit.testing.OnPublicCaptures;
import dev.ucaudit.testing.PublicCaptures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LldpClaimsTest {
    private static final byte[] MAC = {0x00, 0x11, 0x22, 0x33, 0x44, 0x55};
    @TempDir
    Path dir;

    private static byte[] lldp() {
        byte[] frame = RoleMessages.lldpMedPhone(MAC, "SEP001122334455", new byte[] {10, 1, 0, 20}, 110);
        return Arrays.copyOfRange(frame, 14, frame.length);
    }

    @Test
    void anLldpMedPhoneSaysItsVoiceVlan() {
        assertEquals(List.of(Claim.named(ip("10.1.0.20"), "phone", "LLDP: SEP001122334455, telephone, MED class 3, voice VLAN 110",
                Strength.STRONG)), claims(LldpClaims::read, lldp(), Scan.DETECTED));
    }

    @Test
    void threeWay() {
        claims(LldpClaims::read, new byte[] {2}, Scan.NEEDS_MORE);
        claims(LldpClaims::read, new byte[] {(byte) (5 << 1), 1, 'x'}, Scan.INVALID); // must start with the chassis id
        claims(LldpClaims::read, new byte[] {(byte) (1 << 1), 9, 4, 0}, Scan.INVALID); // runs past the frame
        everyPrefixIsSafe(LldpClaims::read, lldp());
    }

    @Test
    void aTaggedLldpFrameIsEvidence() {
        byte[] frame = RoleMessages.lldpMedPhone(MAC, "SEP001122334455", new byte[] {10, 1, 0, 20}, 110);
        byte[] tagged = new byte[frame.length + 4];
        System.arraycopy(frame, 0, tagged, 0, 12);
        tagged[12] = (byte) 0x81;
        tagged[14] = 0;
        tagged[15] = 110;
        System.arraycopy(frame, 12, tagged, 16, frame.length - 12);
        var run = EngineHarness.withoutInventory().audit(dir, List.of(tagged));
        assertEquals("phone", learned(run).get(ip("10.1.0.20")).role());
    }

    @Test
    @OnPublicCaptures
    void switchesLldpFramesAreReadWithoutClaims() throws Exception {
        // Wireshark: S1.cisco.com and S2.cisco.com, capabilities Bridge, no management address
        List<Scan> scans = new ArrayList<>();
        try (PacketSource source = CaptureFiles.open(PublicCaptures.require("tcpdump-lldp-cdp.pcap"))) {
            source.run(new PacketSink() {
                @Override
                public void packet(RawPacket raw) {
                    if ((raw.data[raw.offset + 12] & 0xff) == 0x88 && (raw.data[raw.offset + 13] & 0xff) == 0xcc) {
                        List<Claim> out = new ArrayList<>();
                        scans.add(LldpClaims.read(raw.data, raw.offset + 14, raw.length - 14, out));
                        assertEquals(List.of(), out);
                    }
                }

                @Override
                public void problem(CaptureProblem problem) {
                }
            });
        }
        assertEquals(List.of(Scan.DETECTED, Scan.DETECTED), scans.subList(0, 2));
    }
}
