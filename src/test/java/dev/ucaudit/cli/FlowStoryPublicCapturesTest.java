package dev.ucaudit.cli;

import dev.ucaudit.testing.OnPublicCaptures;
import dev.ucaudit.testing.PublicCaptures;
import dev.ucaudit.testing.Cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A flow's story told as the peers' own test suites tell it (Zeek's btest baselines, nDPI's expected
 * results), on the public captures of ../shared/captures/public; each test skips when its capture is absent.
 */
@OnPublicCaptures
class FlowStoryPublicCapturesTest {
    private static final Path PUBLIC = PublicCaptures.FOLDER;

    @TempDir
    Path dir;

    private List<CSVRecord> audit(String capture, String... options) throws Exception {
        Path file = PUBLIC.resolve(capture);
        Assumptions.assumeTrue(Files.isRegularFile(file), file + " is absent");
        Path out = dir.resolve(capture);
        String[] args = new String[options.length + 4];
        args[0] = "audit";
        System.arraycopy(options, 0, args, 1, options.length);
        args[options.length + 1] = "--out";
        args[options.length + 2] = out.toString();
        args[options.length + 3] = file.toString();
        Cli.run(args);
        return PublicCapturesAuditTest.flows(out);
    }

    private static CSVRecord flow(List<CSVRecord> flows, String initiator, String initiatorPort, String responder, String responderPort) {
        return flows.stream().filter(f -> f.get("initiator").equals(initiator) && f.get("initiator_port").equals(initiatorPort)
                && f.get("responder").equals(responder) && f.get("responder_port").equals(responderPort)).findFirst()
                .orElseThrow(() -> new AssertionError("no flow " + initiator + ":" + initiatorPort + " → " + responder + ":"
                        + responderPort + " in " + flows));
    }

    /** zeek-gre.pcap: a DNS query answered only by "port unreachable" is a rejected query (Zeek: S0 plus an ICMP connection). */
    @Test
    void aQueryAnsweredOnlyByPortUnreachableIsRejected() throws Exception {
        CSVRecord dns = flow(audit("zeek-gre.pcap"), "66.59.111.190", "37675", "172.28.2.3", "53");
        assertEquals("2", dns.get("packets"), dns.toString());
        assertEquals("0", dns.get("packets_from_responder"), "the errors are no answer: " + dns);
        assertEquals("2", dns.get("icmp_errors"), dns.toString());
        assertEquals("one-way", dns.get("initiator_basis"), dns.toString());
        assertTrue(dns.get("reason").endsWith("; rejected: port unreachable ×2"), dns.toString());
    }
}
