package dev.ucaudit.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The man pages and the bash completion the build ships are generated from the picocli model by
 * {@link DocsGenerator}; this runs it and checks that every command has its page and that every option
 * of every command appears in that page and in the completion script.
 */
class DocsGeneratorTest {
    @TempDir
    Path dir;

    @Test
    void everyCommandAndOptionIsInTheManPagesAndTheCompletion() throws Exception {
        Path man = dir.resolve("adoc");
        Path completion = dir.resolve("completion/ucaudit");
        DocsGenerator.generate(man, completion);
        String bash = Files.readString(completion);
        List<CommandSpec> commands = new ArrayList<>();
        collect(DocsGenerator.commandLine(), commands);
        assertTrue(commands.size() >= 7, "root and its subcommands: " + commands.size());
        for (CommandSpec c : commands) {
            String page = c.qualifiedName("-");
            Path adoc = man.resolve(page + ".adoc");
            assertTrue(Files.isRegularFile(adoc), "no man page for " + c.qualifiedName());
            String text = Files.readString(adoc);
            assertTrue(text.contains("= " + page + "(1)"), page + ": title");
            if (c.parent() != null) {
                assertTrue(bash.contains(c.name()), "completion lacks the command " + c.name());
            }
            for (OptionSpec o : c.options()) {
                if (o.hidden()) {
                    continue;
                }
                for (String name : o.names()) {
                    assertTrue(text.contains(name), page + ".adoc lacks option " + name);
                    assertTrue(bash.contains(name), "completion lacks " + c.qualifiedName() + " " + name);
                }
            }
        }
    }

    private static void collect(CommandLine cl, List<CommandSpec> out) {
        if (cl.getCommandSpec().usageMessage().hidden()) {
            return;
        }
        out.add(cl.getCommandSpec());
        for (CommandLine sub : cl.getSubcommands().values()) {
            collect(sub, out);
        }
    }
}
