package dev.ucaudit.cli;

import dev.ucaudit.testing.Cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ucaudit.catalog.Roles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Bad usage costs one line on stderr; help is reachable as tcpdump/git users expect and reads cleanly. */
class UsageErrorsTest {
    @Test
    void badUsageIsOneLineNamingTheProblemAndTheHelp() {
        Cli missing = Cli.run("audit");
        assertEquals(2, missing.status, missing.toString());
        assertEquals(List.of("ucaudit: Missing required parameter: 'CAPTURE' (a capture file, or - for standard input); see 'ucaudit audit --help'"),
                missing.err.lines().toList(), missing.toString());
        assertEquals("", missing.out);

        Cli unknown = Cli.run("audit", "--bogus", "x.pcap");
        assertEquals(2, unknown.status);
        assertEquals(1, unknown.err.lines().count(), unknown.toString());
        assertTrue(unknown.err.startsWith("ucaudit: Unknown option: '--bogus'"), unknown.toString());
        assertTrue(unknown.err.contains("see 'ucaudit audit --help'"), unknown.toString());

        Cli command = Cli.run("audi", "x.pcap");
        assertEquals(2, command.status);
        assertEquals(1, command.err.lines().count(), command.toString());
        assertTrue(command.err.startsWith("ucaudit: 'audi' is not a command"), command.toString());
        assertTrue(command.err.contains("did you mean audit"), command.toString());
    }

    @Test
    void everyErrorLineStartsWithTheProgramName() {
        for (String[] args : List.of(new String[] {"live"}, new String[] {"catalog", "--role", "nobody"},
                new String[] {"diff", "only-one"}, new String[] {"audit", "--max-flows", "many", "x.pcap"},
                new String[] {"export"})) {
            Cli r = Cli.run(args);
            assertEquals(2, r.status, r.toString());
            assertTrue(r.err.lines().allMatch(l -> l.startsWith("ucaudit: ")), r.toString());
            assertTrue(r.err.lines().count() <= 2, r.toString());
        }
    }

    @Test
    void helpCommandShowsASubcommandsHelp() {
        Cli help = Cli.run("help", "audit");
        assertEquals(0, help.status, help.toString());
        assertTrue(help.out.startsWith("Usage: ucaudit audit "), help.toString());
        assertEquals(Cli.run("audit", "--help").out, help.out);
    }

    @Test
    void rolesAreListedInTheOrderOfRolesCsv() {
        Map<String, List<String>> parents = new LinkedHashMap<>();
        List<String> names = List.of("endpoint", "media", "cucm", "cucm-publisher", "phone", "gateway", "admin", "dns",
                "dhcp", "ntp", "sftp", "snmp", "ldap", "voicemail", "cti-app", "license");
        for (String n : names) {
            parents.put(n, List.of());
        }
        assertEquals(names, new ArrayList<>(new Roles(parents, Map.of()).names()));
        Cli r = Cli.run("catalog", "--role", "nobody");
        assertTrue(r.err.contains("known: endpoint, media, cucm, cucm-publisher, cucm-subscriber, phone, gateway"), r.toString());
    }

    /** Every word of every description comes out whole: no "unused." / "csv" or "ucaudit-" / "state.json". */
    @Test
    void helpNeverBreaksInsideAWordOrFileName() {
        CommandLine root = Main.commandLine();
        for (int width : new int[] {80, 100, 64}) {
            List<CommandLine> commands = new ArrayList<>(root.getSubcommands().values());
            commands.add(root);
            for (CommandLine cmd : commands) {
                cmd.setUsageHelpWidth(width).setUsageHelpAutoWidth(false);
                String help = cmd.getUsageMessage(CommandLine.Help.Ansi.OFF);
                Set<String> shown = Arrays.stream(help.split("\\s+")).collect(Collectors.toSet());
                CommandSpec spec = cmd.getCommandSpec();
                List<String> words = new ArrayList<>(Arrays.asList(String.join(" ", spec.usageMessage().description()).split("\\s+")));
                for (OptionSpec o : spec.options()) {
                    words.addAll(Arrays.asList(String.join(" ", o.description()).split("\\s+")));
                }
                for (String w : words) {
                    if (!w.isEmpty() && !w.contains("${") && w.length() < 30) {
                        assertTrue(shown.contains(w), "'" + w + "' broken in " + spec.qualifiedName() + " --help at width " + width + ":\n" + help);
                    }
                }
            }
        }
    }
}
