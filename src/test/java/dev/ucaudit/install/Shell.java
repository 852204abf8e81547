package dev.ucaudit.install;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a real program (the launcher, tar, scripts/install) in a folder with a few environment variables set. */
record Shell(int status, String out, String err) {
    static Shell run(Path cwd, Map<String, String> env, List<String> command) throws IOException, InterruptedException {
        Path outFile = Files.createTempFile("ucaudit-it", ".out");
        Path errFile = Files.createTempFile("ucaudit-it", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile())
                    .redirectOutput(outFile.toFile()).redirectError(errFile.toFile());
            pb.environment().putAll(env);
            Process p = pb.start();
            assertTrue(p.waitFor(300, TimeUnit.SECONDS), command + " did not finish in 300 s");
            return new Shell(p.exitValue(), Files.readString(outFile), Files.readString(errFile));
        } finally {
            Files.deleteIfExists(outFile);
            Files.deleteIfExists(errFile);
        }
    }

    @Override
    public String toString() {
        return "status " + status + "\nstdout:\n" + out + "\nstderr:\n" + err;
    }
}
