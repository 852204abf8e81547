package dev.ucaudit.cli;

import dev.ucaudit.testing.Cli;
import dev.ucaudit.testing.ChildJvm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pipelines as tcpdump users write them: {@code tcpdump -w - | ucaudit audit -}, {@code zcat | ucaudit
 * audit -r -}, run through a real shell and a real ucaudit JVM reading its standard input.
 */
@ChildJvm
class StdinAuditTest {
    static final Path LAB = Path.of("captures/lab-site.pcap").toAbsolutePath();

    @TempDir
    Path dir;

    /** The java command line of ucaudit with the test class path, quoted for sh. */
    static String ucaudit() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return "'" + java + "' -cp '" + System.getProperty("java.class.path") + "' dev.ucaudit.cli.Main";
    }

    static Shell sh(Path dir, String script) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("sh", "-c", script).directory(dir.toFile())
                .redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(dir.resolve("stderr.txt").toFile()).start();
        int status = p.waitFor();
        return new Shell(status, Files.readString(dir.resolve("stdout.txt")), Files.readString(dir.resolve("stderr.txt")));
    }

    record Shell(int status, String out, String err) {
    }

    private String flows(String report) throws IOException {
        return Files.readString(dir.resolve(report).resolve("flows.csv"));
    }

    @Test
    void tcpdumpPipeAndGzipOnStandardInputGiveTheFilesReport() throws Exception {
        Cli byPath = Cli.run("audit", "--out", dir.resolve("by-path").toString(), LAB.toString());
        assertEquals(1, byPath.status, byPath.toString());

        Shell tcpdump = sh(dir, "tcpdump -r '" + LAB + "' -w - 2>/dev/null | " + ucaudit() + " audit --out piped -");
        assertEquals(1, tcpdump.status(), tcpdump.toString());
        assertEquals(flows("by-path"), flows("piped"));
        assertTrue(Files.readString(dir.resolve("piped/summary.json")).contains("\"name\" : \"standard input\""));

        Shell zcat = sh(dir, "gzip -c '" + LAB + "' | " + ucaudit() + " audit --out zipped -r -");
        assertEquals(1, zcat.status(), zcat.toString());
        assertEquals(flows("by-path"), flows("zipped"));

        Shell both = sh(dir, "cat '" + LAB + "' | " + ucaudit() + " audit --out mixed -r '" + LAB + "' -");
        assertEquals(1, both.status(), both.toString());
        assertTrue(both.out().startsWith("ucaudit: 492 packets"), both.toString());
    }

    @Test
    void outDashAndTwiceStandardInputAreRefused() {
        Cli out = Cli.run("audit", "--out", "-", LAB.toString());
        assertEquals(2, out.status, out.toString());
        assertTrue(out.err.startsWith("ucaudit: --out names the report folder and cannot be - (standard output)"), out.toString());
        assertFalse(Files.exists(Path.of("-")), "no folder named -");

        Cli twice = Cli.run("audit", "--out", dir.resolve("r").toString(), "-", "-r", "-");
        assertEquals(2, twice.status, twice.toString());
        assertEquals(1, twice.err.lines().count(), twice.toString());
        assertTrue(twice.err.contains("standard input (-) can be read only once"), twice.toString());

        Cli none = Cli.run("audit", "--out", dir.resolve("r").toString());
        assertEquals(2, none.status, none.toString());
        assertTrue(none.err.contains("Missing required parameter: 'CAPTURE'"), none.toString());
    }
}
