package dev.ucaudit.cli;

import dev.ucaudit.testing.Cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15 section 4: numbers and lists that mean nothing are one clear line and exit status 2. */
class OptionLimitsTest {
    @TempDir
    Path dir;

    private Cli audit(String... options) {
        String[] args = new String[options.length + 5];
        args[0] = "audit";
        args[1] = "--out";
        args[2] = dir.resolve("report").toString();
        args[3] = "--inventory";
        args[4] = "captures/lab-site-inventory.csv";
        System.arraycopy(options, 0, args, 5, options.length);
        return Cli.run(java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of("captures/lab-site.pcap"))
                .toArray(String[]::new));
    }

    private void assertOneLine(Cli r, String start) {
        assertEquals(2, r.status, r.toString());
        assertTrue(r.err.startsWith("ucaudit: " + start), r.err);
        assertEquals(1, r.err.lines().count(), r.err);
        assertTrue(!Files.exists(dir.resolve("report")), "nothing written");
    }

    @Test
    void failOnWithNothingInItIsAnError() {
        assertOneLine(audit("--fail-on", ","), "--fail-on has an empty item");
        Cli r = Cli.run("diff", "--fail-on", ",", "a", "b");
        assertEquals(2, r.status, r.toString());
        assertTrue(r.err.contains("--fail-on"), r.err);
    }

    @Test
    void idleTimeoutThatOverflowsIsAnError() {
        assertOneLine(audit("--idle-timeout", "99999999999999"), "--idle-timeout 99999999999999 is too long: at most 31622400 seconds");
    }

    @Test
    void negativeCountsAreErrors() {
        assertOneLine(audit("--max-flow-rows", "-1"), "--max-flow-rows -1 is negative");
        assertOneLine(audit("--max-conversations", "-5"), "--max-conversations -5 is negative");
        assertOneLine(audit("--max-flows", "0"), "--max-flows 0: give 1 or more");
        Cli r = Cli.run("generate", "syn-scan", "--flows", "-1", "--out", dir.resolve("gen").toString());
        assertEquals(2, r.status, r.toString());
        assertTrue(r.err.contains("--flows, --packets and --call-packets must be 1 or more"), r.err);
        assertTrue(!Files.exists(dir.resolve("gen")));
    }
}
