package dev.ucaudit.cli;

import picocli.CommandLine;

/** Turns exceptions escaping a command into one clear line on stderr and exit status 2. */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        String message = ex.getMessage() == null ? ex.toString() : ex.getMessage();
        cmd.getErr().println("ucaudit: " + message);
        if (System.getenv("UCAUDIT_DEBUG") != null) {
            ex.printStackTrace(cmd.getErr());
        }
        return 2;
    }
}
