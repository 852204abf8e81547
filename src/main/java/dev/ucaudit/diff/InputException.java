package dev.ucaudit.diff;

/**
 * A report, policy or state file that cannot be read: names the file and (when known) the line,
 * and says what is wrong. Commands turn it into one line on stderr and exit status 2.
 */
public final class InputException extends RuntimeException {
    private final String file;
    private final long line;

    public InputException(String file, long line, String message) {
        super((line > 0 ? file + ":" + line : file) + ": " + message);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    public long line() {
        return line;
    }
}
