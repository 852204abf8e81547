package dev.ucaudit.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Entry point of the {@code ucaudit} launcher. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // A crash is never a finding: an error escaping any thread ends the run with exit 2 and one line.
        // UTF-8 whatever the locale (cron and systemd give none), and nothing raw from the wire: TerminalWriter
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            System.err.println(ErrorHandler.oneLine(e));
            System.err.flush();
            Runtime.getRuntime().halt(2);
        });
        CommandLine cmd = commandLine(Terminal.stderrIsTerminal()).setOut(TerminalWriter.stdout()).setErr(TerminalWriter.stderr());
        System.exit(execute(cmd, cmd.getErr(), args));
    }

    /** Runs the command line and returns its exit status without exiting the JVM (used by tests). */
    public static int run(String... args) {
        CommandLine cmd = commandLine().setOut(TerminalWriter.of(System.out)).setErr(TerminalWriter.of(System.err));
        return execute(cmd, cmd.getErr(), args);
    }

    /** Runs with the given output and error writers (tests capture them). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        PrintWriter terminalErr = TerminalWriter.of(err);
        return execute(commandLine().setOut(TerminalWriter.of(out)).setErr(terminalErr), terminalErr, args);
    }

    /**
     * picocli hands exceptions to {@link ErrorHandler}; an {@link Error} (OutOfMemoryError, StackOverflowError)
     * escapes it and is caught here: exit 2 with one line, never a stack trace and exit 1.
     */
    private static int execute(CommandLine cmd, PrintWriter err, String... args) {
        try {
            return cmd.execute(args);
        } catch (Throwable e) { // NOPMD: whatever escapes, the run failed
            err.println(ErrorHandler.oneLine(e));
            err.flush();
            return 2;
        }
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
