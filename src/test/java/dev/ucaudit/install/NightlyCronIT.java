package dev.ucaudit.install;

import dev.ucaudit.testing.ChildJvm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ucaudit.diff.NightlyCaptures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22 section 3: docs/nightly.md's nightly.sh, copied from the page as it stands, run as cron runs it (env -i,
 * /bin/sh, no LANG, a PATH of /usr/bin:/bin without mail) with the checkout's launcher, for three nights and a re-run:
 * the first night without a baseline is no failure, a night like the one before alerts nothing although the
 * sample's flows escape the policy every night, a night with changes alerts with the diff's first lines, and
 * re-running that night works. The job runs as an unprivileged account (nobody, when the tests run as root), as a
 * site's cron job would, reading only what that account may read.
 */
@ChildJvm
class NightlyCronIT {
    private static final Path LAUNCHER = Path.of("ucaudit").toAbsolutePath();

    @TempDir
    Path site;

    @TempDir
    Path home;

    /** The first block of the given language after a heading of docs/nightly.md. */
    static String block(String heading, String language) throws Exception {
        String doc = Files.readString(Path.of("docs", "nightly.md"));
        int section = doc.indexOf(heading);
        assertTrue(section >= 0, heading);
        int start = doc.indexOf("```" + language + "\n", section) + language.length() + 4;
        return doc.substring(start, doc.indexOf("```", start));
    }

    /** The unprivileged account the job runs as when the tests run as root (here and in CI): nobody, nogroup. */
    private static final String NOBODY = "65534";

    private static boolean root() throws Exception {
        return Shell.run(Path.of("."), Map.of(), List.of("id", "-u")).out().strip().equals("0");
    }

    /**
     * As root, the site and the account's home are handed to nobody (the folders JUnit made are root's, mode 700),
     * and every night runs as nobody; as any other user the nights run as that user: never as root.
     */
    private List<String> asTheAccount() throws Exception {
        if (!root()) {
            return List.of();
        }
        for (Path p : List.of(site, home)) {
            Shell own = Shell.run(p, Map.of(), List.of("chown", "-R", NOBODY + ":" + NOBODY, p.toString()));
            assertEquals(0, own.status(), own.toString());
            Shell mode = Shell.run(p, Map.of(), List.of("chmod", "755", p.toString()));
            assertEquals(0, mode.status(), mode.toString());
        }
        return List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups");
    }

    private Shell night(String today) throws Exception {
        // the crontab line's command, with the variables cron would have from the line and the account
        List<String> command = new ArrayList<>(asTheAccount());
        command.addAll(List.of("env", "-i", "HOME=" + home, "LOGNAME=ucaudit", "SHELL=/bin/sh",
                "PATH=/usr/bin:/bin", "SITE=" + site, "UCAUDIT=" + LAUNCHER, "TODAY=" + today, "/bin/sh", "-c",
                "id -u >" + site.resolve("uid-" + today) + "; " + site.resolve("nightly.sh") + " >" + site.resolve("cron-" + today + ".out") + " 2>&1"));
        return Shell.run(site, Map.of(), command);
    }

    private String alerts() throws Exception {
        Path log = site.resolve("reports/alerts.log");
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    @Test
    void threeNightsAndAReRunAsCronRunsThem() throws Exception {
        String script = block("## The job", "sh");
        assertTrue(script.startsWith("#!/bin/sh\n"), script);
        Files.writeString(site.resolve("nightly.sh"), script);
        assertTrue(site.resolve("nightly.sh").toFile().setExecutable(true));
        String cron = block("## The job", "cron");
        assertTrue(cron.contains("SITE=/srv/ucaudit /srv/ucaudit/nightly.sh"), cron);
        Files.createDirectories(site.resolve("site"));
        Files.writeString(site.resolve("site/allowed.csv"), block("## The allowed-flows file", "csv"));
        Path day1 = Files.createDirectories(site.resolve("captures/2026-11-01")).resolve("00.pcap");
        NightlyCaptures.writeYesterday(day1, site.resolve("site/inventory.csv"));
        Files.copy(day1, Files.createDirectories(site.resolve("captures/2026-11-02")).resolve("00.pcap"));
        NightlyCaptures.writeToday(day1, Files.createDirectories(site.resolve("captures/2026-11-03")).resolve("00.pcap"));

        Shell built = Shell.run(site, Map.of(), List.of(LAUNCHER.toString(), "--version")); // built (as the tests' user) before the account uses it
        assertEquals(0, built.status(), built.toString());
        Shell first = night("2026-11-02");
        assertFalse(Files.readString(site.resolve("uid-2026-11-02")).strip().equals("0"), "the job runs as an unprivileged account");
        assertEquals(0, first.status(), first + Files.readString(site.resolve("reports/nightly.log")));
        String diff1 = Files.readString(site.resolve("reports/diff/2026-11-02/diff.txt"), StandardCharsets.UTF_8);
        assertTrue(diff1.contains("no baseline yet (reports/2026-11-01 does not exist; a first run?)"), diff1);
        assertEquals("", alerts(), "the first night alerts nothing");

        Shell same = night("2026-11-03");
        assertEquals(0, same.status(), same.toString());
        String diff2 = Files.readString(site.resolve("reports/diff/2026-11-03/diff.txt"), StandardCharsets.UTF_8);
        assertTrue(diff2.contains("  escaped          10.99.0.66 (unknown) → 10.10.1.10"), "standing escapes are listed: " + diff2);
        assertTrue(diff2.contains("ucaudit diff: exit 0 only because of --fail-on new-undocumented,new-escaped,verdict-change,long-unused: 4 findings listed above"), diff2);
        assertEquals("", alerts(), "identical traffic alerts nothing");

        Shell changed = night("2026-11-04");
        assertEquals(0, changed.status(), changed.toString()); // the alert is the job's outcome, not a failure
        String alert = alerts();
        assertTrue(alert.contains("ucaudit: UC traffic changed on "), alert);
        assertTrue(alert.contains("new-undocumented 10.50.0.100 (admin) → 10.10.1.10 (cucm-publisher) 3389/tcp"), alert);
        assertTrue(alert.contains("new-escaped      10.50.0.100 (admin) → 10.10.1.10"), alert);
        assertFalse(alert.contains("?"), "UTF-8 without a locale: " + alert);

        Shell again = night("2026-11-04");
        assertEquals(0, again.status(), again + Files.readString(site.resolve("reports/nightly.log")));
        assertEquals(2, alerts().split("UC traffic changed").length - 1, "the re-run alerts once more, with the same diff");
        assertFalse(Files.readString(site.resolve("reports/nightly.log")).contains("FAILED"));
        assertTrue(Files.exists(site.resolve("reports/2026-11-04/summary.json")));

        Files.delete(site.resolve("captures/2026-11-03/00.pcap"));
        Shell failed = night("2026-11-04");
        assertEquals(2, failed.status(), failed.toString());
        assertTrue(alerts().contains("audit of captures/2026-11-03 FAILED"), alerts());
        assertTrue(alerts().contains("captures/2026-11-03: no capture in this folder"), "the alert says why: " + alerts());
    }
}
