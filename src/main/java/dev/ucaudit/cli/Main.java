package dev.ucaudit.cli;

import picocli.CommandLine;

/** Entry point of the {@code ucaudit} launcher. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit status without exiting the JVM (used by tests). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** Runs with the given output and error writers (tests capture them). */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        return commandLine().setOut(out).setErr(err).execute(args);
    }

    static CommandLine commandLine() {
        return new CommandLine(new RootCommand()).setExecutionExceptionHandler(new ErrorHandler())
                .setParameterExceptionHandler(new UsageErrorHandler())
                .setUsageHelpAutoWidth(true) // the terminal's width when there is one, else 80
                .setHelpFactory(WordWrapHelp.factory());
    }
}
