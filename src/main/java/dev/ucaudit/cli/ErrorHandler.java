package dev.ucaudit.cli;

import dev.ucaudit.text.Printable;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;
import picocli.CommandLine;

/** Turns exceptions escaping a command into one clear line on stderr and exit status 2. */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        if (ex instanceof RuntimeException && ex.getCause() instanceof Error error) {
            throw error; // caught by Main, which says what it was in one line
        }
        String message = ex instanceof FileSystemException fse ? describe(fse)
                : ex.getMessage() == null ? ex.toString() : ex.getMessage();
        // one line whatever the message holds (a file name, a value from a file); a list of problems keeps its lines
        cmd.getErr().println("ucaudit: " + (ex instanceof ProblemList ? Printable.escapeKeepingLines(message) : Printable.escape(message)));
        if (System.getenv("UCAUDIT_DEBUG") != null) {
            ex.printStackTrace(cmd.getErr());
        }
        return 2;
    }

    /** One line for an error the run cannot recover from (exit 2: a crash is not a finding). */
    static String oneLine(Throwable e) {
        if (e instanceof OutOfMemoryError) {
            return "ucaudit: out of memory (" + Printable.escape(String.valueOf(e.getMessage())) + "); the run stopped before its report was complete."
                    + " Give it more memory (UCAUDIT_JAVA_OPTS=-Xmx4g) or lower --max-flows";
        }
        if (e instanceof StackOverflowError) {
            return "ucaudit: internal error (stack overflow); the run stopped. Please report it with the input that caused it";
        }
        return "ucaudit: internal error (" + Printable.escape(e.toString()) + "); the run stopped. Please report it with the input that caused it";
    }

    /**
     * A file-system failure in words: which file and what went wrong (Java's own message is often the path
     * alone, as in "ucaudit: /var/lib/ucaudit").
     */
    static String describe(FileSystemException e) {
        String what;
        if (e instanceof AccessDeniedException) {
            what = "permission denied (check the owner and mode of the folder, or run as a user who may write it)";
        } else if (e instanceof NoSuchFileException) {
            what = "no such file or folder";
        } else if (e instanceof FileAlreadyExistsException) {
            what = "already exists";
        } else if (e instanceof NotDirectoryException) {
            what = "not a folder";
        } else if (e.getReason() != null) {
            what = e.getReason().toLowerCase(Locale.ROOT) + (e.getReason().contains("space") ? " (free some space)" : "");
        } else {
            what = "cannot be written";
        }
        return (e.getFile() == null ? "" : e.getFile() + ": ") + (e.getOtherFile() == null ? "" : "(to " + e.getOtherFile() + ") ") + what;
    }
}
