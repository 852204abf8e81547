package dev.ucaudit.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        Path parent = completion.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(completion, AutoComplete.bash("ucaudit", cl), StandardCharsets.UTF_8);
    }
}
