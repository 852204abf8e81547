package dev.ucaudit.cli;

import picocli.CommandLine;

/** Entry point of the {@code ucaudit} launcher. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(commandLine(Terminal.stderrIsTerminal()).execute(args));
    }

    /** Runs the command line and returns its exit status without exiting the JVM (used by tests). */
    public static int run(String... args) {
        return commandLine(false).execute(args);
    }

    /** Runs with the given output and error writers (tests capture them). */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        return commandLine(false).setOut(out).setErr(err).execute(args);
    }

    static CommandLine commandLine() {
        return commandLine(false);
    }

    /** @param stderrIsTerminal whether progress may be drawn on stderr (never for writers a caller passes in) */
    static CommandLine commandLine(boolean stderrIsTerminal) {
        return new CommandLine(new RootCommand(stderrIsTerminal)).setExecutionExceptionHandler(new ErrorHandler())
                .setParameterExceptionHandler(new UsageErrorHandler())
                .setUsageHelpAutoWidth(true) // the terminal's width when there is one, else 80
                .setHelpFactory(WordWrapHelp.factory());
    }
}
