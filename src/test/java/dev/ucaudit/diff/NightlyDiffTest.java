package dev.ucaudit.diff;

import dev.ucaudit.testing.Cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Yesterday's and today's generated captures, audited for real, then diffed: golden diff.csv and exit codes. */
class NightlyDiffTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden/diff/diff.csv");

    @TempDir
    static Path dir;
    static Path yesterday;
    static Path today;
    static Path state;

    @BeforeAll
    static void auditBothDays() throws IOException {
        Path pcap1 = dir.resolve("yesterday.pcap");
        Path pcap2 = dir.resolve("today.pcap");
        Path inventory = dir.resolve("inventory.csv");
        NightlyCaptures.writeYesterday(pcap1, inventory);
        NightlyCaptures.writeToday(pcap1, pcap2);
        yesterday = dir.resolve("reports/2026-11-02");
        today = dir.resolve("reports/2026-11-03");
        state = dir.resolve("reports/ucaudit-state.json");
        Cli a = Cli.run("audit", "--inventory", inventory.toString(), "--state", state.toString(), "--out", yesterday.toString(),
                pcap1.toString());
        assertEquals(1, a.exit(), a.err());
        Cli b = Cli.run("audit", "--inventory", inventory.toString(), "--state", state.toString(), "--out", today.toString(),
                pcap2.toString());
        assertEquals(1, b.exit(), b.err());
    }

    private static Cli diff(String... extra) {
        List<String> args = new ArrayList<>(List.of("diff", "--out", dir.resolve("diff-" + System.nanoTime()).toString()));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void diffCsvMatchesGolden() throws IOException {
        Path out = dir.resolve("golden-run");
        Cli r = Cli.run("diff", "--out", out.toString(), yesterday.toString(), today.toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        String actual = Files.readString(out.resolve("diff.csv"), StandardCharsets.UTF_8);
        if (System.getProperty("ucaudit.writeGolden") != null) {
            Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(GOLDEN, StandardCharsets.UTF_8), actual,
                "diff.csv differs from " + GOLDEN + " (rerun with -Ducaudit.writeGolden=1 only after checking the change by eye)");
        assertTrue(Files.readString(out.resolve("diff.html")).contains("new-undocumented (1)"));
        assertTrue(r.out().contains("new-undocumented 10.50.0.100 (admin) → 10.10.1.10 (cucm-publisher) 3389/tcp"), r.out());
    }

    @ParameterizedTest(name = "--fail-on {0} → {1}")
    @CsvSource({
        "new-undocumented, 1",
        "new-flow, 1",
        "verdict-change, 1",
        "gone, 1",
        "newly-unused, 1",
        "long-unused, 0",
        "none, 0",
        "any, 1",
        "'none,gone', 1",
    })
    void exitStatusPerFailOn(String failOn, int expected) {
        Cli r = diff("--fail-on", failOn, yesterday.toString(), today.toString());
        assertEquals(expected, r.exit(), r.out() + r.err());
    }

    @ParameterizedTest(name = "no change: --fail-on {0} → 0")
    @CsvSource({"new-undocumented", "new-flow", "verdict-change", "gone", "newly-unused", "any"})
    void sameReportTwiceIsZero(String failOn) {
        Cli r = diff("--fail-on", failOn, today.toString(), today.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("nothing that matters changed"), r.out());
    }

    @Test
    void fixedVerdictIsNotAFailure() {
        // Today → yesterday: the RTP verdict gets better, RDP is gone, LDAP is new but documented.
        Cli r = diff("--fail-on", "new-undocumented,verdict-change", today.toString(), yesterday.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("1 verdicts fixed"), r.out());
    }

    @Test
    void longUnusedCountsDaysFromTheStateFile() {
        Cli r = diff("--fail-on", "long-unused", "--unused-days", "1", yesterday.toString(), today.toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        Cli r30 = diff("--fail-on", "long-unused", "--unused-days", "30", yesterday.toString(), today.toString());
        assertEquals(0, r30.exit(), r30.out());
    }

    @Test
    void unusedHistoryHasDays() throws IOException {
        List<String> lines = Files.readAllLines(today.resolve("unused-history.csv"));
        assertEquals("rule,protocol,ports,source_role,destination_role,destination,purpose,tracked_since,last_used,unused_for_days",
                lines.get(0));
        // T3-01 (LDAP) on 10.40.0.5 was last used yesterday at 09:00:00.04225, unused today: 1 whole day at today's end.
        String ldap = lines.stream().filter(l -> l.startsWith("T3-01,") && l.contains("10.40.0.5")).findFirst().orElseThrow();
        assertTrue(ldap.endsWith(",2026-11-02T09:00:00.042Z,1"), ldap);
        // syslog to the publisher: unused both days → tracked since yesterday's end, 1 day.
        String syslog = lines.stream().filter(l -> l.startsWith("T1-01,") && l.contains(",10.10.1.10,")).findFirst().orElseThrow();
        assertTrue(syslog.endsWith(",1"), syslog);
    }

    @Test
    void unreadableInputIsTwoWithFileAndLine() throws IOException {
        Path broken = dir.resolve("broken");
        Files.createDirectories(broken);
        for (String f : List.of("flows.csv", "unused.csv", "summary.json")) {
            Files.copy(today.resolve(f), broken.resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(broken.resolve("flows.csv")));
        lines.set(3, lines.get(3).replaceFirst(",tcp,\\d+,", ",tcp,lots,"));
        Files.write(broken.resolve("flows.csv"), lines);
        Cli r = diff(yesterday.toString(), broken.toString());
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains(broken.resolve("flows.csv") + ":4: packets 'lots'"), r.err());

        Cli missing = diff(yesterday.toString(), dir.resolve("no-such-report").toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("no-such-report"), missing.err());
    }

    @Test
    void badUsageIsTwo() {
        assertEquals(2, diff("--fail-on", "everything", yesterday.toString(), today.toString()).exit());
        assertEquals(2, diff(today.toString()).exit());
        assertEquals(2, diff("--fail-on", "escaped", yesterday.toString(), today.toString()).exit());
    }
}
