package dev.ucaudit.install;

import dev.ucaudit.testing.ChildJvm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs scripts/setup as the unprivileged user {@code nobody} (through runuser or setpriv, so the test
 * process must be root) with a PATH like a normal user's: no /sbin, and a {@code sudo} first on the PATH
 * that records how it was called and refuses, as sudo does without a cached password. Needs the packages
 * setup looks for to be installed on this machine (./run-tests runs setup first, as root).
 */
@ChildJvm
class SetupScriptTest {
    private static final Path SETUP = Path.of("scripts", "setup").toAbsolutePath();
    private static final String USER_PATH = "/usr/local/bin:/usr/bin:/bin";

    @TempDir
    Path dir;
    private Path shims;
    private Path sudoLog;

    @BeforeEach
    void shims() throws IOException {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "scripts/setup is run as 'nobody', which needs runuser/setpriv from root; this test runs as "
                        + System.getProperty("user.name"));
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/sbin/runuser")) || Files.isExecutable(Path.of("/usr/bin/setpriv")),
                "neither runuser nor setpriv is installed: cannot switch to the user nobody");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        shims = Files.createDirectory(dir.resolve("shims"));
        Files.setPosixFilePermissions(shims, PosixFilePermissions.fromString("rwxr-xr-x"));
        sudoLog = dir.resolve("sudo.log");
        script("sudo", "#!/bin/sh\necho \"sudo $*\" >> " + sudoLog + "\necho 'sudo: a password is required' >&2\nexit 1\n");
    }

    @Test
    void asAUserWithEverythingInstalledItCallsNoSudoAndSaysNothing() throws Exception {
        Result r = runAsNobody();
        assertEquals(0, r.status, r.err);
        assertEquals("", r.err);
        assertFalse(Files.exists(sudoLog), "sudo was called: " + (Files.exists(sudoLog) ? Files.readString(sudoLog) : ""));
    }

    @Test
    void aJava11IsNotEnoughAndSudoIsOnlyTriedWithoutAPrompt() throws Exception {
        script("java", "#!/bin/sh\necho 'openjdk version \"11.0.2\" 2019-01-15' >&2\n");
        script("javac", "#!/bin/sh\necho 'javac 11.0.2' >&2\n");
        Result r = runAsNobody();
        assertEquals(2, r.status, r.err);
        assertEquals(1, r.err.lines().count(), r.err);
        assertTrue(r.err.startsWith("ucaudit setup: missing: openjdk-17-jdk-headless;"), r.err);
        assertTrue(r.err.contains("sudo -n"), r.err);
        assertEquals("sudo -n true\n", Files.readString(sudoLog), "only a prompt-less check");
    }

    @Test
    void aJava8VersionStringIsReadAsEight() throws Exception {
        script("java", "#!/bin/sh\necho 'java version \"1.8.0_292\"' >&2\n");
        Result r = runAsNobody();
        assertEquals(2, r.status, r.err);
        assertTrue(r.err.contains("missing: openjdk-17-jdk-headless;"), r.err);
    }

    private void script(String name, String text) throws IOException {
        Path p = shims.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private record Result(int status, String err) {
    }

    private Result runAsNobody() throws Exception {
        List<String> cmd = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/sbin/runuser"))) {
            cmd.addAll(List.of("/usr/sbin/runuser", "-u", "nobody", "--"));
        } else {
            cmd.addAll(List.of("/usr/bin/setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"));
        }
        cmd.addAll(List.of("/usr/bin/env", "-i", "PATH=" + shims + ":" + USER_PATH, "HOME=/nonexistent", "sh", SETUP.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.redirectError(dir.resolve("err.txt").toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "scripts/setup did not finish in 60 s");
        return new Result(p.exitValue(), Files.readString(dir.resolve("err.txt")));
    }
}
