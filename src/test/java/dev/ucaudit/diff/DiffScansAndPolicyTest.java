package dev.ucaudit.diff;

import dev.ucaudit.testing.Cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ucaudit.synth.Floods;
import dev.ucaudit.synth.LabSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The diff sees flows folded into a scan summary (a generated UDP spray of 65,536 probes): a new scan is
 * a finding, a scan gone is reported, and with --allowed the summarized probes count as escaped. Escaped
 * flows fail the default --fail-on; without --allowed the policy is "not checked", never "0 escaped".
 */
class DiffScansAndPolicyTest {
    @TempDir
    static Path dir;
    static Path baseline;
    static Path current;
    static Path allowed;

    @BeforeAll
    static void audits() throws IOException {
        Path lab = dir.resolve("lab.pcap");
        Path inventory = dir.resolve("inv.csv");
        LabSite.write(lab, inventory);
        Path spray = dir.resolve("spray.pcap");
        Floods.udpSpray(spray);
        baseline = dir.resolve("baseline");
        current = dir.resolve("current");
        assertEquals(1, Cli.run("audit", "--inventory", inventory.toString(), "--out", baseline.toString(), lab.toString()).exit());
        Cli c = Cli.run("audit", "--inventory", inventory.toString(), "--out", current.toString(), lab.toString(), spray.toString());
        assertEquals(1, c.exit(), c.err());
        assertTrue(Files.readString(current.resolve("summary.json")).contains("\"flows_summarized\" : 65"), "the spray is summarized");
        allowed = dir.resolve("allowed.csv");
        Files.writeString(allowed, "source,destination,protocol,ports,comment\nendpoint,endpoint,tcp,1-65535,all tcp\n"
                + "endpoint,endpoint,icmp,,ping\nphone,endpoint,udp,1-65535,phones\ncucm,endpoint,udp,1-65535,cucm\n"
                + "gateway,endpoint,udp,1-65535,gw\n");
    }

    private static Cli diff(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("diff", "--out", dir.resolve("d" + System.nanoTime()).toString()));
        all.addAll(List.of(args));
        return Cli.run(all.toArray(String[]::new));
    }

    @Test
    void aNewScanIsAFindingAndAGoneScanIsReported() throws IOException {
        Cli r = diff(baseline.toString(), current.toString());
        assertEquals(1, r.exit(), r.out());
        assertTrue(r.out().contains("new-scan") && r.out().contains("10.99.0.66"), r.out());
        assertFalse(r.out().contains("nothing that matters changed"), r.out());
        Cli back = diff(current.toString(), baseline.toString());
        assertTrue(back.out().contains("scan-gone") && back.out().contains("10.99.0.66"), back.out());
    }

    @Test
    void summarizedProbesAreCheckedAgainstThePolicyAsEscaped() {
        Cli r = diff("--allowed", allowed.toString(), "--fail-on", "gone", baseline.toString(), current.toString());
        assertTrue(r.out().lines().anyMatch(l -> l.contains("escaped") && l.contains("10.99.0.66")), r.out());
        assertEquals(1, r.exit(), "escaped flows count in the exit status whenever --allowed is given: " + r.out());
        Cli none = diff("--allowed", allowed.toString(), "--fail-on", "none", baseline.toString(), current.toString());
        assertEquals(0, none.exit());
        assertFalse(none.out().contains("nothing that matters changed"), "never 'nothing changed' beside escaped flows: " + none.out());
    }

    @Test
    void withoutAllowedThePolicyIsNotCheckedNotZero() throws IOException {
        Path out = dir.resolve("same");
        Cli r = Cli.run("diff", "--out", out.toString(), baseline.toString(), baseline.toString());
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().contains("policy: not checked"), r.out());
        String html = Files.readString(out.resolve("diff.html"));
        assertTrue(html.contains("<b>not checked</b>escaped"), html);
        assertFalse(html.contains("<b>0</b>escaped"), html);
    }
}
