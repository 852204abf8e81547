package dev.ucaudit.cli;

import dev.ucaudit.text.Printable;
import java.util.Locale;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * One status line on a terminal's standard error, redrawn in place ("\r" and erase-to-end) as
 * dumpcap and pv do, and erased before anything else is written to stderr and at the end. When
 * disabled (stderr not a terminal, or --quiet) it writes nothing at all.
 */
final class ProgressLine {
    /** Redraws at most this often. */
    static final long INTERVAL_NANOS = 250_000_000L;
    private static final String ERASE = "\r\033[K";

    private final Writer terminal;
    private final boolean enabled;
    private long lastDrawNanos = System.nanoTime();
    private boolean shown;

    private final Writer messages;

    ProgressLine(Writer terminal, boolean enabled) {
        this(terminal, terminal, enabled);
    }

    /** @param terminal the raw stream for the line's control sequences; @param messages the (escaping) writer of every other message */
    ProgressLine(Writer terminal, Writer messages, boolean enabled) {
        this.terminal = terminal;
        this.messages = messages;
        this.enabled = enabled;
    }

    /** The status line of a command: drawn only when stderr is a terminal and --quiet is not given. */
    static ProgressLine of(picocli.CommandLine command, RootCommand root, boolean quiet) {
        PrintWriter err = command.getErr();
        return new ProgressLine(err instanceof TerminalWriter t ? t.controls() : err, err, root != null && root.stderrIsTerminal && !quiet);
    }

    /** Where --quiet sends what it silences: nowhere. */
    static PrintWriter discard() {
        return new PrintWriter(Writer.nullWriter());
    }

    boolean enabled() {
        return enabled;
    }

    /** Starts a quiet period: the next line is drawn a full interval from now (a short run shows none). */
    synchronized void hold(long nowNanos) {
        lastDrawNanos = nowNanos;
    }

    /** True when a redraw is due (cheap: one clock read). */
    boolean due(long nowNanos) {
        return enabled && nowNanos - lastDrawNanos >= INTERVAL_NANOS;
    }

    synchronized void draw(String text, long nowNanos) {
        lastDrawNanos = nowNanos;
        if (!enabled) {
            return;
        }
        try {
            terminal.write("\r" + Printable.escape(text) + "\033[K");
            terminal.flush();
            shown = true;
        } catch (IOException e) {
            // a terminal that cannot be written to: nothing to show progress on
        }
    }

    /** Erases the line if it is shown. */
    synchronized void clear() {
        if (!shown) {
            return;
        }
        shown = false;
        try {
            terminal.write(ERASE);
            terminal.flush();
        } catch (IOException e) {
            // as above
        }
    }

    /** A writer for every other stderr message: it erases the progress line before writing. */
    PrintWriter guard() {
        return new PrintWriter(new FilterWriter(messages) {
            @Override
            public void write(int c) throws IOException {
                clear();
                super.write(c);
            }

            @Override
            public void write(char[] cbuf, int off, int len) throws IOException {
                clear();
                super.write(cbuf, off, len);
            }

            @Override
            public void write(String str, int off, int len) throws IOException {
                clear();
                super.write(str, off, len);
            }
        }, true);
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String units = "KMGTPE";
        int u = -1;
        double v = n;
        while (v >= 1024 && u < units.length() - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %siB", v, units.charAt(u));
    }

    static String duration(long seconds) {
        return seconds >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
