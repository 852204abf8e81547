package dev.ucaudit.cli;

import dev.ucaudit.text.Printable;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Standard output or error as every command writes it: UTF-8 whatever the locale (cron, {@code su -} and
 * systemd start programs without LANG, where Java would write every non-ASCII character as '?'), and no
 * control character but newline and tab ({@link Printable}): whatever a capture, a file name or an input file
 * holds, it cannot drive the terminal, the mail or the journal it ends up in. Only the progress line draws
 * on the terminal, through {@link #controls()}.
 */
final class TerminalWriter extends PrintWriter {
    private final Writer raw;

    private TerminalWriter(Writer raw) {
        super(new Escaping(raw), true);
        this.raw = raw;
    }

    /** Over a byte stream, in UTF-8. */
    static TerminalWriter of(OutputStream stream) {
        return new TerminalWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
    }

    /** Over a writer a caller gives (tests); the same one when it already is a terminal writer. */
    static TerminalWriter of(Writer writer) {
        return writer instanceof TerminalWriter t ? t : new TerminalWriter(writer);
    }

    /** The process's standard output, in UTF-8, never closed with the writer. */
    static TerminalWriter stdout() {
        return of(new FileOutputStream(FileDescriptor.out));
    }

    /** The process's standard error, in UTF-8. */
    static TerminalWriter stderr() {
        return of(new FileOutputStream(FileDescriptor.err));
    }

    /** The same stream without escaping, for the progress line's own control sequences only. */
    Writer controls() {
        return raw;
    }

    /** Escapes as it passes text on. */
    private static final class Escaping extends Writer {
        private final Writer next;

        Escaping(Writer next) {
            this.next = next;
        }

        @Override
        public void write(char[] buf, int off, int len) throws IOException {
            int start = off;
            int end = off + len;
            for (int i = off; i < end; i++) {
                if (Printable.needsEscape(buf[i], true)) {
                    next.write(buf, start, i - start);
                    StringBuilder b = new StringBuilder(8);
                    Printable.appendEscape(b, buf[i]);
                    next.write(b.toString());
                    start = i + 1;
                }
            }
            next.write(buf, start, end - start);
        }

        @Override
        public void write(String s, int off, int len) throws IOException {
            char[] chars = new char[len];
            s.getChars(off, off + len, chars, 0);
            write(chars, 0, len);
        }

        @Override
        public void flush() throws IOException {
            next.flush();
        }

        @Override
        public void close() throws IOException {
            next.close();
        }
    }
}
