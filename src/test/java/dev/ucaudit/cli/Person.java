package dev.ucaudit.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * ucaudit's main class run as cron runs a job: env -i (no LANG, no PATH of the caller), through /bin/sh, in a
 * folder of the test's choosing; stdout and stderr as the bytes were, read as UTF-8.
 */
record Person(int status, String out, String err) {
    static Person run(Path cwd, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of("env", "-i", "CP=" + System.getProperty("java.class.path"), "/bin/sh", "-c",
                "exec " + java + " -Xmx256m -cp \"$CP\" dev.ucaudit.cli.Main \"$@\"", "ucaudit"));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("ucaudit-person", ".out");
        Path err = Files.createTempFile("ucaudit-person", ".err");
        try {
            Process p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), cmd + " did not finish in 120 s");
            return new Person(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Override
    public String toString() {
        return "status " + status + "\n--- out\n" + out + "--- err\n" + err;
    }
}
