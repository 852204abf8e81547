package dev.ucaudit.install;

import dev.ucaudit.testing.ChildJvm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ucaudit.packet.CaptureProblem;
import dev.ucaudit.packet.PacketSink;
import dev.ucaudit.capture.PcapFileSource;
import dev.ucaudit.capture.PcapngWriter;
import dev.ucaudit.packet.RawPacket;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command shown in a fenced code block of the README and docs/ (a line starting with
 * {@code ./ucaudit} or {@code ucaudit}) is run verbatim by sh, through the checkout's launcher, in a
 * folder laid out like the docs assume: the sample as captures/lab-site.pcap, captures/today.pcap and in
 * captures/site-a/ and captures/site-b/, its
 * inventory as site.csv and site/inventory.csv, a pcapng.gz copy in lab/, the rules README's site-rules
 * example and the nightly doc's allowed.csv example, and SPARK_HOME holding links to the build's Spark jars.
 * A command must exit 0, or 1 when it reports findings.
 * Lines that cannot run here are skipped for a stated reason (SKIPPED below): usage synopses, live capture
 * (needs an interface and capture rights), and the cron line and nightly.sh (need cron, mail and dated
 * report folders). A code line naming ucaudit that is neither run nor skipped fails the test.
 */
@ChildJvm
class DocCommandsIT {
    private static final Path REPO = Path.of("").toAbsolutePath();
    private static final Pattern COMMAND = Pattern.compile("^(\\./)?ucaudit( |$)");
    /** ucaudit's own output quoted in the docs: "ucaudit: ..." or "ucaudit diff: ...". */
    private static final Pattern OUTPUT = Pattern.compile("^ucaudit( [a-z]+)?:");
    private static final Pattern SYNOPSIS = Pattern.compile("\\[|<|\\.\\.\\.|\\b[A-Z]{2,}\\b");
    /** Why a documented line is not run (matched against the line). */
    private static final Map<Pattern, String> SKIPPED = new LinkedHashMap<>();

    static {
        SKIPPED.put(Pattern.compile("^(\\./)?ucaudit live "), "live capture needs a network interface (eth1) and capture rights");
        SKIPPED.put(Pattern.compile("^tcpdump -i "), "captures from a network interface (eth1) with tcpdump; StdinAuditTest runs the same pipe from a file");
        SKIPPED.put(Pattern.compile("^[0-9*].* \\* \\* \\* "), "a crontab line: needs cron, mail and yesterday's dated capture folder");
        SKIPPED.put(Pattern.compile("\\$today|\\$yesterday"), "a line of nightly.sh: run from cron with dated report folders and mail");
        SKIPPED.put(Pattern.compile("^ucaudit diff /var/lib/ucaudit/"), "the live service's period folders: needs the service running for two periods");
    }

    @TempDir
    static Path site;

    @BeforeAll
    static void layout() throws Exception {
        Files.createSymbolicLink(site.resolve("ucaudit"), REPO.resolve("ucaudit"));
        Files.createDirectories(site.resolve("captures"));
        Files.createDirectories(site.resolve("site"));
        Files.createDirectories(site.resolve("lab"));
        Files.createDirectories(site.resolve("reports"));
        Path sample = REPO.resolve("captures/lab-site.pcap");
        Path inventory = REPO.resolve("captures/lab-site-inventory.csv");
        Files.copy(sample, site.resolve("captures/lab-site.pcap"));
        Files.copy(sample, site.resolve("captures/today.pcap"));
        for (String sensor : List.of("site-a", "site-b")) { // README's audit --partial and merge example
            Files.copy(sample, Files.createDirectories(site.resolve("captures").resolve(sensor)).resolve(sensor + ".pcap"));
        }
        for (String name : List.of("site-a", "site-b")) { // README's spark --per-site example: a folder per site
            Files.copy(sample, Files.createDirectories(site.resolve("sites").resolve(name)).resolve(name + ".pcap"));
        }
        Files.copy(inventory, site.resolve("captures/lab-site-inventory.csv"));
        Files.copy(inventory, site.resolve("site.csv"));
        Files.copy(inventory, site.resolve("site/inventory.csv"));
        Files.copy(inventory, site.resolve("site-inventory.csv"));
        Files.writeString(site.resolve("site-rules.csv"), codeBlockAfter(REPO.resolve("rules/README.md"), "## Adding a site's own rows", "```\n"));
        Files.writeString(site.resolve("site/allowed.csv"), codeBlockAfter(REPO.resolve("docs/nightly.md"), "## The allowed-flows file", "```csv\n"));
        writePcapngGz(sample, site.resolve("lab/lab-site.pcapng.gz"));
        sparkHome();
        // docs/live.md's merges of period folders: report folders with partial.bin.gz where live would write them
        for (String sensor : List.of("sensor-a", "sensor-b")) {
            Map<String, String> env = new HashMap<>(Map.of("PATH", site + ":" + System.getenv("PATH"),
                    "XDG_CACHE_HOME", site.resolve("cache").toString()));
            Shell r = Shell.run(site, env, List.of("sh", "-c", "ucaudit audit -q --partial --out " + sensor
                    + "/2026-11-25T09-00-00Z captures/lab-site.pcap"));
            assertTrue(r.status() <= 1, r.toString());
        }
    }

    /**
     * A SPARK_HOME for the documented 'ucaudit spark' commands: target/spark-home/jars/ of links to the build's Spark jars
     * (target/spark.classpath), as scripts/bench-spark makes it; outside the temporary folder, whose clean-up would
     * warn about every link.
     */
    static void sparkHome() throws IOException {
        Path classpath = Path.of(System.getProperty("ucaudit.sparkClasspath", "target/spark.classpath"));
        Path jars = Files.createDirectories(classpath.resolveSibling("spark-home").resolve("jars"));
        for (String jar : Files.readString(classpath).strip().split(java.io.File.pathSeparator)) {
            Path link = jars.resolve(Path.of(jar).getFileName());
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, Path.of(jar));
        }
    }

    @Test
    void everyDocumentedCommandRunsAgainstTheSample() throws Exception {
        List<String> failures = new ArrayList<>();
        int ran = 0;
        for (String[] cmd : documentedCommands()) {
            String where = cmd[0];
            String line = cmd[1];
            String skip = skipReason(line);
            if (skip != null) {
                System.out.println("skipped " + where + ": " + skip + ": " + line);
                continue;
            }
            Map<String, String> env = new HashMap<>();
            env.put("PATH", site + ":" + System.getenv("PATH"));
            env.put("XDG_CACHE_HOME", site.resolve("cache").toString());
            env.put("SPARK_HOME", Path.of(System.getProperty("ucaudit.sparkClasspath", "target/spark.classpath"))
                    .resolveSibling("spark-home").toAbsolutePath().toString());
            Shell r = Shell.run(site, env, List.of("sh", "-c", line));
            ran++;
            boolean findings = line.contains(" audit ") || line.contains(" diff ") || line.contains(" spark ")
                    || line.contains(" merge ");
            if (!(r.status() == 0 || (findings && r.status() == 1))) {
                failures.add(where + ": " + line + "\n" + r);
            }
        }
        assertTrue(ran >= 7, "only " + ran + " documented commands ran");
        if (!failures.isEmpty()) {
            fail(failures.size() + " documented command(s) failed:\n" + String.join("\n\n", failures));
        }
        assertTrue(Files.isRegularFile(site.resolve("catalog.csv")), "README's catalog --format csv > catalog.csv");
        assertTrue(Files.isRegularFile(site.resolve("lab-audit/summary.json")), "README's audit of lab/*.pcapng.gz");
    }

    @Test
    void skipListOnlyCoversWhatCannotRunHere() throws Exception {
        int skipped = 0;
        for (String[] cmd : documentedCommands()) {
            if (skipReason(cmd[1]) != null) {
                skipped++;
                assertFalse(cmd[1].startsWith("./ucaudit catalog") || cmd[1].startsWith("./ucaudit audit --inventory captures/"), cmd[1]);
            }
        }
        assertTrue(skipped > 0 && skipped < 20, "skipped " + skipped);
    }

    private static String skipReason(String line) {
        for (Map.Entry<Pattern, String> e : SKIPPED.entrySet()) {
            if (e.getKey().matcher(line).find()) {
                return e.getValue();
            }
        }
        if (SYNOPSIS.matcher(line.replaceAll("#.*", "")).find()) {
            return "a usage synopsis with placeholders, not a command";
        }
        return null;
    }

    /** {file:line, command} for every code-block line that runs ucaudit (continuation lines joined). */
    static List<String[]> documentedCommands() throws IOException {
        List<Path> docs = new ArrayList<>(List.of(REPO.resolve("README.md"), REPO.resolve("rules/README.md")));
        try (Stream<Path> s = Files.list(REPO.resolve("docs"))) {
            s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        List<String[]> out = new ArrayList<>();
        for (Path doc : docs) {
            List<String> lines = Files.readAllLines(doc);
            boolean inBlock = false;
            for (int i = 0; i < lines.size(); i++) {
                String raw = lines.get(i);
                if (raw.strip().startsWith("```")) {
                    inBlock = !inBlock;
                    continue;
                }
                if (!inBlock) {
                    continue;
                }
                String line = raw.strip();
                if (line.startsWith("$ ")) {
                    line = line.substring(2);
                }
                int first = i + 1;
                while (line.endsWith("\\") && i + 1 < lines.size()) {
                    line = line.substring(0, line.length() - 1) + " " + lines.get(++i).strip();
                }
                boolean runsUcaudit = COMMAND.matcher(line).find() || line.contains("./ucaudit ");
                if (runsUcaudit && !OUTPUT.matcher(line).find()) {
                    out.add(new String[] {REPO.relativize(doc) + ":" + first, line});
                }
            }
        }
        return out;
    }

    static String codeBlockAfter(Path doc, String heading, String fence) throws IOException {
        String text = Files.readString(doc);
        int start = text.indexOf(fence, text.indexOf(heading)) + fence.length();
        return text.substring(start, text.indexOf("```", start));
    }

    /** The sample as a gzip-compressed pcapng, written with the project's own writer. */
    static void writePcapngGz(Path pcap, Path target) throws Exception {
        try (OutputStream file = Files.newOutputStream(target); GZIPOutputStream gz = new GZIPOutputStream(file);
                PcapngWriter w = new PcapngWriter(gz); PcapFileSource source = new PcapFileSource(pcap)) {
            int[] iface = {-1};
            source.run(new PacketSink() {
                @Override
                public void packet(RawPacket p) {
                    try {
                        if (iface[0] < 0) {
                            iface[0] = w.addInterface(p.linkType);
                        }
                        w.writePacket(iface[0], p.timestampNanos, Arrays.copyOfRange(p.data, p.offset, p.offset + p.length));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }

                @Override
                public void problem(CaptureProblem problem) {
                    fail("the sample has a problem: " + problem);
                }
            });
        }
        assertEquals(0x1f, Files.readAllBytes(target)[0] & 0xff);
    }
}
