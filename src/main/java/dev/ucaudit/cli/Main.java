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
        return new CommandLine(new RootCommand()).setExecutionExceptionHandler(new ErrorHandler()).execute(args);
    }
}
