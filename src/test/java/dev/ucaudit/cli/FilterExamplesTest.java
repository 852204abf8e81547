package dev.ucaudit.cli;

import dev.ucaudit.testing.Cli;
import dev.ucaudit.testing.PublicCaptures;
import dev.ucaudit.testing.OnPublicCaptures;
import dev.ucaudit.testing.ChildJvm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ucaudit.synth.LabSite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code --filter} example in the README, the docs and {@code --help} is run through {@code audit}
 * with both readers, and the packets kept are compared with what {@code tcpdump -r FILE EXPR} keeps.
 */
@ChildJvm
@OnPublicCaptures
class FilterExamplesTest {
    private static final Path TCPDUMP = Path.of("/usr/bin/tcpdump");
    private static final Path PUBLIC = PublicCaptures.FOLDER;
    /** An example: e.g. 'expr' or e.g. `expr`, on a line that mentions a filter. */
    private static final Pattern EXAMPLE = Pattern.compile("e\\.g\\. ['`]([^'`]+)['`]");
    /** A few more expressions beside the documented ones, so that the comparison is not about one filter. */
    private static final List<String> MORE = List.of("udp", "tcp port 5060", "not (udp portrange 16384-32767)",
            "host 10.10.1.11", "icmp or arp", "vlan or ip6");

    @TempDir
    Path dir;

    static Set<String> documentedExamples() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(Path.of("README.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            for (Path d : docs.filter(p -> p.toString().endsWith(".md")).toList()) {
                lines.addAll(Files.readAllLines(d));
            }
        }
        for (String command : new String[] {"audit", "live"}) {
            lines.addAll(Cli.run(command, "--help").out.lines().toList());
        }
        Set<String> examples = new LinkedHashSet<>();
        for (String line : lines) {
            if (line.toLowerCase(java.util.Locale.ROOT).contains("filter")) {
                Matcher m = EXAMPLE.matcher(line);
                while (m.find()) {
                    examples.add(m.group(1));
                }
            }
        }
        return examples;
    }

    private static long tcpdumpCount(Path file, String expression) throws Exception {
        Process p = new ProcessBuilder(TCPDUMP.toString(), "-r", file.toString(), "--count", expression)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        p.waitFor(60, TimeUnit.SECONDS);
        assertEquals(0, p.exitValue(), "tcpdump -r " + file + " '" + expression + "'");
        return Long.parseLong(out.split(" ")[0]);
    }

    @Test
    void everyDocumentedFilterKeepsWhatTcpdumpKeeps() throws Exception {
        Set<String> examples = documentedExamples();
        assertFalse(examples.isEmpty(), "no --filter example found in README, docs or --help");
        assumeTrue(Files.isExecutable(TCPDUMP), "tcpdump is not installed (apt-get install tcpdump; scripts/setup does)");
        Path lab = dir.resolve("lab.pcap");
        LabSite.write(lab, dir.resolve("inv.csv"));
        List<Path> files = new ArrayList<>(List.of(lab));
        for (String name : new String[] {"zeek-vlan-qinqinq.pcap", "ws-metasploit-sip-invite-spoof.pcap", "ndpi-rtp-vlan.pcapng"}) {
            if (Files.isRegularFile(PUBLIC.resolve(name))) {
                files.add(PUBLIC.resolve(name));
            }
        }
        List<String> expressions = new ArrayList<>(examples);
        expressions.addAll(MORE);
        int n = 0;
        for (String expression : expressions) {
            for (Path file : files) {
                long expected = tcpdumpCount(file, expression);
                for (String reader : new String[] {"builtin", "libpcap"}) {
                    Path out = dir.resolve("r" + n++);
                    Cli r = Cli.run("audit", "--reader", reader, "--filter", expression, "--out", out.toString(), file.toString());
                    assertFalse(r.status == 2, reader + " --filter '" + expression + "' " + file + ": " + r);
                    long kept = new ObjectMapper().readTree(out.resolve("summary.json").toFile()).at("/packets/read").asLong();
                    assertEquals(expected, kept, reader + " --filter '" + expression + "' on " + file.getFileName());
                }
            }
        }
    }
}
