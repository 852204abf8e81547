package dev.ucaudit.cli;

import dev.ucaudit.testing.ChildJvm;
import dev.ucaudit.testing.Cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;

/** Issue 22 section 5: help without warnings or stale measurements, full man pages, completion of values, clear messages. */
@ChildJvm
class HelpAndMessagesTest {
    static final String PCAP = "captures/lab-site.pcap";

    @TempDir
    Path dir;

    private static List<CommandLine> commands() {
        List<CommandLine> all = new ArrayList<>(List.of(DocsGenerator.commandLine()));
        all.addAll(all.get(0).getSubcommands().values());
        return all;
    }

    @Test
    void helpPrintsNoWarningAndNoMeasurement() {
        PrintStream old = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
        try {
            for (CommandLine c : commands()) {
                String name = c.getCommandName();
                if (name.equals("help")) {
                    continue; // picocli's own
                }
                Cli r = c.getParent() == null ? Cli.run("--help") : Cli.run(name, "--help");
                assertEquals(0, r.status, r.toString());
                assertTrue(r.out.contains("Exit status"), name + " --help says no exit status:\n" + r.out);
                Cli v = c.getParent() == null ? Cli.run("--version") : Cli.run(name, "--version");
                assertEquals("ucaudit 0.1.0\n", v.out, name + " --version");
                String first = c.getCommandSpec().usageMessage().description()[0];
                assertTrue(first.endsWith("."), name + "'s first line is cut (the man page's NAME): " + first);
                for (ArgSpec a : c.getCommandSpec().args()) {
                    String text = String.join(" ", a.description());
                    assertFalse(text.matches("(?s).*(measured|\\d+ ?%|\\d+ bytes per|\\d+ MB a).*"),
                            name + " " + a.paramLabel() + ": a measurement goes stale in help text: " + text);
                }
            }
        } finally {
            System.setErr(old);
        }
        assertEquals("", warnings.toString(StandardCharsets.UTF_8), "picocli warned while formatting help");
    }

    @Test
    void manPagesHaveTheUsualSectionsAndCompletionOffersValues() throws Exception {
        Path man = dir.resolve("adoc");
        Path completion = dir.resolve("ucaudit.bash");
        DocsGenerator.generate(man, completion);
        for (CommandLine c : commands()) {
            String page = c.getCommandSpec().qualifiedName("-");
            String text = Files.readString(man.resolve(page + ".adoc"));
            for (String section : List.of("== Exit status", "== Environment", "== Files", "== See also")) {
                assertTrue(text.contains("\n" + section + "\n") || page.equals("ucaudit-help") && section.equals("== Exit status"),
                        page + " lacks " + section);
            }
            assertTrue(text.contains("UCAUDIT_JAVA_OPTS") && text.contains("UCAUDIT_CDS"), page);
            if (!page.equals("ucaudit-help")) {
                assertTrue(text.contains("\n== Examples\n"), page + " lacks examples");
            }
        }
        assertEquals(List.of("jsonl", "text"), complete(completion, "ucaudit audit --format "));
        assertTrue(complete(completion, "ucaudit diff --fail-on ").containsAll(List.of("new-undocumented", "new-escaped", "escaped")));
        assertEquals(List.of("auto"), complete(completion, "ucaudit live --decapsulate a"));
        assertEquals(List.of("lab-site"), complete(completion, "ucaudit generate la"));
        assertEquals(List.of("lo"), complete(completion, "ucaudit live -i l"));
        assertTrue(complete(completion, "ucaudit audit --catalog rul").contains("rules"), "files for --catalog");
        assertTrue(complete(completion, "ucaudit live --events rul").contains("rules"), "files for --events");
    }

    /** What bash completion offers for the last word of a command line, run in this checkout. */
    private static List<String> complete(Path script, String line) throws Exception {
        String words = line.endsWith(" ") ? line + "''" : line;
        String cmd = "source '" + script + "' 2>/dev/null; COMP_WORDS=(" + words + "); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ));"
                + " _complete_ucaudit 2>/dev/null; printf '%s\\n' \"${COMPREPLY[@]}\" | sort";
        Process p = new ProcessBuilder("bash", "-c", cmd).redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return out.lines().filter(l -> !l.isEmpty()).toList();
    }

    @Test
    void messagesSayWhatIsWrongAndWhatToDo() throws Exception {
        Cli typo = Cli.run("audit", "--fial-on", "none", PCAP);
        assertTrue(typo.err.contains("did you mean --fail-on?"), typo.err);
        Cli root = Cli.run("-r", PCAP);
        assertTrue(root.err.contains("'ucaudit audit -r " + PCAP + "' audits a capture"), root.err);
        Cli diff = Cli.run("diff", "--out", dir.resolve("d").toString(), PCAP, dir.toString());
        assertEquals(2, diff.status, diff.toString());
        assertTrue(diff.err.contains(PCAP + ": a file, not a report folder"), diff.err);
        assertFalse(diff.err.contains("--out " + PCAP), diff.err);
        Cli inventory = Cli.run("audit", "--inventory", PCAP, "--out", dir.resolve("r").toString(), PCAP);
        assertEquals(2, inventory.status, inventory.toString());
        assertTrue(inventory.err.startsWith("ucaudit: " + PCAP + ": inventory file is a capture (pcap/pcapng), not a CSV file"), inventory.err);
        assertTrue(inventory.err.length() < 400, "no binary on the terminal: " + inventory.err);
        Cli bpf = Cli.run("audit", "--filter", "port foo", "--out", dir.resolve("r").toString(), PCAP);
        assertEquals(2, bpf.status, bpf.toString());
        assertTrue(bpf.err.contains("does not compile for link type EN10MB (Ethernet): unknown port 'foo'"), bpf.err);
    }
}
