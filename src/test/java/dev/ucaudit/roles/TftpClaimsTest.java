package dev.ucaudit.roles;

import static dev.ucaudit.roles.DecoderChecks.claims;
import static dev.ucaudit.roles.DecoderChecks.everyPrefixIsSafe;
import static dev.ucaudit.roles.DecoderChecks.ip;
import static dev.ucaudit.roles.DecoderChecks.learned;
import static dev.ucaudit.roles.DecoderChecks.summary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ucaudit.synth.Messages;
import dev.ucaudit.testing.EngineHarness;
import dev.ucaudit.testing.OnPublicCaptures;
import dev.ucaudit.testing.PublicCaptures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TftpClaimsTest {
    @TempDir
    Path dir;

    private static List<Claim> read(String file, Scan expected) {
        String[] name = new String[1];
        return claims((b, off, len, out) -> TftpClaims.read(b, off, len, out, name), Messages.tftpReadRequest(file), expected);
    }

    @Test
    void phoneFilesNameAPhoneAndItsTftpServer() {
        assertEquals(List.of(Claim.source("phone", "reads its configuration SEP001122AABBCC.cnf.xml by TFTP", Strength.STRONG),
                Claim.destination("cucm", "asked for SEP001122AABBCC.cnf.xml by TFTP (named TFTP server)", Strength.WEAK)),
                read("SEP001122AABBCC.cnf.xml", Scan.DETECTED));
        assertEquals("phone", read("ITLFile.tlv", Scan.DETECTED).get(0).role());
        assertEquals("phone", read("CTLSEP001122AABBCC.tlv", Scan.DETECTED).get(0).role());
        assertEquals("phone", read("sip88xx.14-1-1.loads", Scan.DETECTED).get(0).role());
        assertEquals(List.of(), read("rfc1350.txt", Scan.DETECTED));
        assertEquals(List.of(), read("SEP0011.cnf.xml", Scan.DETECTED)); // not a MAC
    }

    @Test
    void threeWay() {
        String[] name = new String[1];
        DecoderChecks.Decoder d = (b, off, len, out) -> TftpClaims.read(b, off, len, out, name);
        claims(d, new byte[] {0, 1, 'S'}, Scan.NEEDS_MORE);
        claims(d, new byte[] {0, 1, 'S', 'E', 'P'}, Scan.NEEDS_MORE);
        claims(d, new byte[] {0, 9, 'a', 0}, Scan.INVALID);
        claims(d, new byte[] {0, 1, 0, 0}, Scan.INVALID);
        everyPrefixIsSafe(d, Messages.tftpReadRequest("SEP001122AABBCC.cnf.xml"));
    }

    @Test
    void theServerThatAnswersIsATftpServerWithHighConfidence() {
        var run = EngineHarness.withoutInventory().audit(dir, List.of(
                EngineHarness.udp4("10.1.0.20", 50000, "10.0.0.5", 69, Messages.tftpReadRequest("SEP001122AABBCC.cnf.xml")),
                EngineHarness.udp4("10.0.0.5", 40001, "10.1.0.20", 50000, Messages.tftpData(1, 100)),
                EngineHarness.udp4("10.1.0.20", 50000, "10.0.0.5", 40001, Messages.tftpAck(1)),
                // a DATA from a host that was not asked says nothing
                EngineHarness.udp4("10.9.9.9", 40002, "10.1.0.20", 50000, Messages.tftpData(1, 100))));
        var roles = learned(run);
        assertEquals("10.1.0.20=phone/low 10.0.0.5=cucm/high", summary(roles));
        assertTrue(roles.get(ip("10.0.0.5")).evidence().get(0).what().startsWith("serves SEP001122AABBCC.cnf.xml"));
    }

    @Test
    @OnPublicCaptures
    void otherFilesNameNoRole() {
        // Wireshark: RRQ "file1", "rfc1350.txt", "sysman.lis": nothing a phone reads
        assertEquals("", summary(learned(PublicCaptures.require("tcpdump-tftp.pcap"))));
        assertEquals("", summary(learned(PublicCaptures.require("ndpi-tftp.pcap"))));
    }
}
