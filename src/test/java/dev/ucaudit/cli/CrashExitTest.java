package dev.ucaudit.cli;

import dev.ucaudit.testing.ChildJvm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ucaudit.synth.LabSite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A crash is never a finding: a real OutOfMemoryError in a real JVM ends the run with exit 2 and one line. */
@ChildJvm
class CrashExitTest {
    @TempDir
    Path dir;

    @Test
    void outOfMemoryIsExitTwoWithOneLine() throws Exception {
        Path capture = dir.resolve("lab.pcap");
        LabSite.write(capture, dir.resolve("inv.csv"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx8m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "audit", "--out", dir.resolve("r").toString(), capture.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertTrue(err.contains("out of memory"), "an 8 MB heap runs out of memory on the lab site: " + err);
        assertEquals(2, p.exitValue(), err);
        assertEquals(1, err.lines().count(), "one line, no stack trace: " + err);
        assertTrue(err.startsWith("ucaudit: "), err);
        assertFalse(err.contains("\tat "), err);
    }
}
