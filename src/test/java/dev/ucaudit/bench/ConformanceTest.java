package dev.ucaudit.bench;

import dev.ucaudit.testing.PublicCaptures;
import dev.ucaudit.testing.OnPublicCaptures;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A handful of public captures through the tshark comparison of {@code scripts/conformance}: flow
 * and host-pair counts agree with tshark or differ exactly as scripts/conformance-expected.csv says.
 * Skips, saying why, when tshark or the folder is absent; fails when the folder holds none of the captures.
 */
@OnPublicCaptures
class ConformanceTest {
    private static final Path FOLDER = PublicCaptures.FOLDER;

    @Test
    void handfulOfCapturesAgreeWithTsharkOrAsExplained() throws Exception {
        assumeTrue(Files.isDirectory(FOLDER), FOLDER.toAbsolutePath() + " is absent: no public captures to compare with tshark");
        assumeTrue(Conformance.tsharkAvailable(), "no tshark");
        Map<String, Conformance.Expected> expected = Conformance.loadExpected(Path.of("scripts/conformance-expected.csv"));
        assertTrue(expected.size() > 5, "expected-difference file is read");
        List<Conformance.Row> rows = new ArrayList<>();
        for (String name : List.of("ndpi-skinny.pcap", "ndpi-synscan.pcap", "zeek-gre.pcap", "sngrep-sip-aaa.pcap",
                "zeek-ntp-sync.pcap", "heplify-sip-ipv6-udp.pcap",
                // tunnels and SCTP: the inner conversations agree with tshark's
                "heplify-sip-erspan-gre.pcapng", "sngrep-sip-tcp-in-ipip.pcap", "ndpi-gre-sip-vlan-pppoe.pcapng",
                "heplify-sip-sctp-sll.pcap")) {
            Path f = FOLDER.resolve(name);
            if (Files.exists(f)) {
                rows.add(Conformance.compare(f));
            }
        }
        // the folder is there: comparing zero files would pass whatever the code does
        assertFalse(rows.isEmpty(), FOLDER.toAbsolutePath() + " exists but holds none of the captures compared");
        List<String> failures = Conformance.check(rows, expected);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }
}
