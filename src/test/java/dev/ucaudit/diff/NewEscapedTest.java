package dev.ucaudit.diff;

import dev.ucaudit.testing.Cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22 section 3: escaped flows are a standing state. --fail-on new-escaped alerts on flows that escape the policy
 * now and did not the night before; a missing baseline is a first night, not a failure; --format json.
 */
class NewEscapedTest {
    @TempDir
    static Path dir;
    static Path allowed;
    static Path yesterday;
    static Path today;

    @BeforeAll
    static void auditBothDays() throws Exception {
        Path pcap1 = dir.resolve("yesterday.pcap");
        Path pcap2 = dir.resolve("today.pcap");
        Path inventory = dir.resolve("inventory.csv");
        NightlyCaptures.writeYesterday(pcap1, inventory);
        NightlyCaptures.writeToday(pcap1, pcap2);
        allowed = dir.resolve("allowed.csv");
        Files.writeString(allowed, """
                source,destination,protocol,ports,comment
                phone,cucm,tcp,"2000,2443,5060-5061,6970-6972,8443",
                phone,cucm,udp,"69,5060",
                cucm,phone,udp,1024-65535,
                media,media,udp,1024-65535,
                gateway,cucm,udp,2427,
                gateway,cucm,tcp,"1720,32768-61000",
                cucm,ldap,tcp,"389,636",
                cucm,any,udp,"53,123",
                10.50.0.0/24,cucm,tcp,"22,443,8443",
                """);
        yesterday = dir.resolve("reports/2026-11-02");
        today = dir.resolve("reports/2026-11-03");
        assertEquals(0, Cli.run("audit", "--inventory", inventory.toString(), "--fail-on", "none", "--out", yesterday.toString(),
                pcap1.toString()).exit());
        assertEquals(0, Cli.run("audit", "--inventory", inventory.toString(), "--fail-on", "none", "--out", today.toString(),
                pcap2.toString()).exit());
    }

    private static Cli diff(String... args) {
        String[] all = new String[args.length + 5];
        all[0] = "diff";
        all[1] = "--allowed";
        all[2] = allowed.toString();
        all[3] = "--out";
        all[4] = dir.resolve("d" + System.nanoTime()).toString();
        System.arraycopy(args, 0, all, 5, args.length);
        return Cli.run(all);
    }

    @Test
    void standingEscapesDoNotFailANightNewOnesDo() {
        Cli same = diff("--fail-on", "new-escaped", today.toString(), today.toString());
        assertEquals(0, same.exit(), same.out() + same.err());
        assertTrue(same.out().contains("  escaped          10.99.0.66"), "standing escapes are listed: " + same.out());
        Cli escapedEachNight = diff("--fail-on", "new-undocumented", today.toString(), today.toString());
        assertEquals(1, escapedEachNight.exit(), "with --allowed, escaped still counts unless new-escaped is asked for");
        Cli changed = diff("--fail-on", "new-escaped", yesterday.toString(), today.toString());
        assertEquals(1, changed.exit(), changed.out() + changed.err());
        assertTrue(changed.out().contains("new-escaped      10.50.0.100 (admin) → 10.10.1.10 (cucm-publisher) 3389/tcp"), changed.out());
        assertTrue(changed.out().contains("exit 1: new-escaped: "), changed.out());
        assertFalse(changed.out().contains("new-escaped      10.99.0.66"), "the probe escaped yesterday too: " + changed.out());
    }

    @Test
    void aMissingBaselineIsAFirstNight() {
        Cli first = diff("--fail-on", "new-undocumented,new-escaped", dir.resolve("reports/2026-11-01").toString(), today.toString());
        assertEquals(0, first.exit(), first.out() + first.err());
        assertTrue(first.out().startsWith("ucaudit diff: no baseline yet (" + dir.resolve("reports/2026-11-01")
                + " does not exist; a first run?): nothing compared, only the policy is checked"), first.out());
        Cli typo = diff(dir.resolve("no-such-folder/2026-11-01").toString(), today.toString());
        assertEquals(2, typo.exit(), "a baseline in a folder that does not exist is a mistake: " + typo.out());
    }

    @Test
    void jsonHoldsTheSummaryAndEveryRow() throws Exception {
        Cli r = diff("--format", "json", "--fail-on", "new-escaped", yesterday.toString(), today.toString());
        assertEquals(1, r.exit(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(1, j.get("exit_status").asInt());
        assertEquals(today.toString(), j.get("current").asText());
        assertEquals(1, j.at("/counts/new-undocumented").asLong());
        assertTrue(j.get("failed_on").get(0).asText().startsWith("new-escaped: "), j.toString());
        JsonNode rdp = null;
        for (JsonNode row : j.get("rows")) {
            if (row.get("change").asText().equals("new-undocumented")) {
                rdp = row;
            }
        }
        assertEquals("3389", rdp.get("responder_port").asText());
        assertTrue(rdp.get("flows_after").asLong() == 1 && rdp.get("flows_before").asLong() == 0 && rdp.get("unused_for_days").isNull(), rdp.toString());
        assertTrue(r.err().contains("ucaudit diff: written "), "the file names go to stderr with json: " + r.err());
    }
}
