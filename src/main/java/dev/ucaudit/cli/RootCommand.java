package dev.ucaudit.cli;

import picocli.CommandLine.Command;

@Command(name = "ucaudit", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Passive traffic auditor for Cisco Unified Communications Manager networks.",
        exitCodeListHeading = "Exit status:%n",
        exitCodeList = {"0:nothing to report (no finding or change selected by --fail-on)", "1:findings or changes selected by --fail-on",
            "2:bad usage, unusable input, an INCOMPLETE report, or a failure"},
        subcommands = {AuditCommand.class, MergeCommand.class, LiveCommand.class, SparkCommand.class, CatalogCommand.class, DiffCommand.class, ExportCommand.class,
            GenerateCommand.class, picocli.CommandLine.HelpCommand.class})
final class RootCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** True only when stderr is the process's own and a terminal: progress lines are drawn then. */
    final boolean stderrIsTerminal;

    RootCommand(boolean stderrIsTerminal) {
        this.stderrIsTerminal = stderrIsTerminal;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
