package dev.ucaudit.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ucaudit.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every input the mutation fuzzer ever crashed on, kept byte for byte under
 * src/test/resources/fuzz-regressions/, is audited through the real command line: the run must
 * finish and write its report, with no exception message.
 *
 * <ul>
 *   <li>h225-seq-2pow31-away.pcap, sccp-seq-2pow31-away.pcap (seed 99, file inputs 17218 and 35778): a TCP
 *       segment whose sequence number is exactly 2^31 from the expected one made StreamReassembler copy from
 *       a negative offset; the ArrayIndexOutOfBoundsException ended the whole audit with no report.</li>
 * </ul>
 */
class FuzzRegressionTest {
    @TempDir
    Path dir;

    @Test
    void everyCrashInputIsAuditedToTheEnd() throws Exception {
        List<Path> inputs;
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/fuzz-regressions"))) {
            inputs = s.filter(p -> p.toString().endsWith(".pcap")).sorted().toList();
        }
        assertFalse(inputs.isEmpty());
        for (Path in : inputs) {
            Path out = dir.resolve(in.getFileName().toString());
            StringWriter o = new StringWriter();
            StringWriter e = new StringWriter();
            int status = Main.run(new PrintWriter(o, true), new PrintWriter(e, true), "audit", "--out", out.toString(), in.toString());
            String err = e.toString();
            assertFalse(err.contains("arraycopy") || err.contains("Exception") || err.contains("out of bounds"), in + ": " + err);
            assertTrue(status >= 0 && status <= 2, in + ": status " + status);
            assertTrue(Files.isRegularFile(out.resolve("summary.json")), in + ": no report\n" + err);
        }
    }
}
