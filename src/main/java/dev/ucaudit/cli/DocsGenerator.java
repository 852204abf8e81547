package dev.ucaudit.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Writes the man pages (AsciiDoc, one per command, by picocli-codegen's ManPageGenerator; the build
 * turns them into roff) and the bash completion script (picocli's AutoComplete) from the picocli model
 * of the commands, so they cannot drift from the options. Run by the build (exec-maven-plugin, at
 * prepare-package) and by the test that checks them; picocli-codegen is a build-only dependency.
 */
public final class DocsGenerator {
    private DocsGenerator() {
    }

    /** {@code DocsGenerator MAN_ADOC_DIR COMPLETION_FILE}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: DocsGenerator MAN_ADOC_DIR COMPLETION_FILE");
        }
        generate(Path.of(args[0]), Path.of(args[1]));
    }

    private static final String NO_COMPLETION = "      return\n      ;;\n";
    private static final String FILES = "      local IFS=$'\\n'\n      type compopt &>/dev/null && compopt -o filenames\n"
            + "      COMPREPLY=( $( compgen -f -- \"${curr_word}\" ) ) # files\n      return $?\n      ;;\n";
    private static final String INTERFACES = "      COMPREPLY=( $( compgen -W \"$(ls /sys/class/net 2>/dev/null)\" -- \"${curr_word}\" ) )"
            + " # interfaces\n      return $?\n      ;;\n";

    /**
     * What picocli cannot know: --catalog takes a file (or the word default), live -i an interface of this machine.
     */
    static String completeFilesAndInterfaces(String bash) {
        return bash.replace("    '--catalog')\n" + NO_COMPLETION, "    '--catalog')\n" + FILES)
                .replace("    '--events')\n" + NO_COMPLETION, "    '--events')\n" + FILES)
                .replace("    '-i'|'--interface')\n" + NO_COMPLETION, "    '-i'|'--interface')\n" + INTERFACES);
    }

    /** The root and its subcommands, each with a page. */
    private static List<CommandLine> pages(CommandLine root) {
        List<CommandLine> all = new ArrayList<>(List.of(root));
        all.addAll(root.getSubcommands().values());
        return all;
    }

    public static CommandLine commandLine() {
        return new CommandLine(new RootCommand(false));
    }

    public static void generate(Path manDir, Path completion) throws IOException {
        CommandLine cl = commandLine();
        Files.createDirectories(manDir);
        int status = ManPageGenerator.generateManPage(manDir.toFile(), (File) null, new boolean[0], true, cl.getCommandSpec());
        if (status != 0) {
            throw new IOException("ManPageGenerator failed with status " + status);
        }
        for (CommandLine c : pages(cl)) {
            String name = c.getCommandSpec().qualifiedName("-");
            Path page = manDir.resolve(name + ".adoc");
            if (Files.isRegularFile(page)) {
                String text = Files.readString(page, StandardCharsets.UTF_8).replaceAll("(?m)^== Exit status.*$", "== Exit status");
                Files.writeString(page, text + ManSections.forCommand(c.getParent() == null ? "ucaudit" : c.getCommandName()),
                        StandardCharsets.UTF_8);
            }
        }
        Path parent = completion.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(completion, completeFilesAndInterfaces(AutoComplete.bash("ucaudit", cl)), StandardCharsets.UTF_8);
    }
}
