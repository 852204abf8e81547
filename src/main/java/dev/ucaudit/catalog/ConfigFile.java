package dev.ucaudit.catalog;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens a configuration file (catalog, inventory, allowed flows, state) for reading with bounds:
 * at most {@link #MAX_BYTES} bytes and {@link #MAX_LINE} bytes per line ({@code --catalog /dev/zero}
 * fails after 1 MiB instead of filling memory with one endless field), and a
 * UTF-8 byte-order mark at the start is skipped. Folders, missing files and file names Java cannot
 * open are refused with a sentence that says which.
 */
public final class ConfigFile {
    /** Largest configuration file read: a 1,000,000-row inventory is ~40 MB. */
    public static final long MAX_BYTES = 256L << 20;
    /** Longest line: configuration rows are short. */
    public static final int MAX_LINE = 1 << 20;

    private ConfigFile() {
    }

    /** A configuration file that cannot be read, with the sentence saying why (the message names no file). */
    public static final class Unreadable extends IOException {
        public Unreadable(String message) {
            super(message);
        }
    }

    /** Why the file cannot be opened, or null when it can be. */
    public static String unreadable(Path file) {
        if (Files.isDirectory(file)) {
            return "is a folder, not a file";
        }
        if (!Files.exists(file)) {
            if (file.toString().indexOf(CsvTrouble.REPLACED) >= 0) {
                return "cannot be opened: its name holds bytes that are not UTF-8 (shown as " + CsvTrouble.REPLACED
                        + "); rename the file using UTF-8 characters only";
            }
            return "not found";
        }
        if (!Files.isReadable(file)) {
            return "cannot be read by this user (permission denied)";
        }
        return binary(file);
    }

    /** Why a file that should be text is not (a capture given in the wrong place, a binary), or null. */
    static String binary(Path file) {
        byte[] head = new byte[4096];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            return null; // reading says what is wrong, line by line
        }
        int magic = n >= 4 ? (head[0] & 0xff) << 24 | (head[1] & 0xff) << 16 | (head[2] & 0xff) << 8 | head[3] & 0xff : 0;
        if (magic == 0xa1b2c3d4 || magic == 0xd4c3b2a1 || magic == 0xa1b23c4d || magic == 0x4d3cb2a1 || magic == 0x0a0d0d0a) {
            return "is a capture (pcap/pcapng), not a CSV file; captures are the command's arguments";
        }
        if (n >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return "is gzip-compressed, not a CSV file (a compressed capture is given as an argument; gunzip a CSV first)";
        }
        int nul = 0;
        for (int i = 0; i < n; i++) {
            nul += head[i] == 0 ? 1 : 0;
        }
        // mostly NUL: binary (a stray NUL in a row is that row's problem, reported with its line)
        return nul * 10 > n ? "is not a text file (it holds NUL bytes)" : null;
    }

    /** Opens the file's bytes with the bounds above; throws {@link Unreadable} when it cannot be opened. */
    public static InputStream open(Path file) throws IOException {
        String why = unreadable(file);
        if (why != null) {
            throw new Unreadable(why);
        }
        return bounded(Files.newInputStream(file));
    }

    /** The bounds above on any stream of a configuration file's bytes. */
    public static InputStream bounded(InputStream in) {
        return new Bounded(in);
    }

    private static final class Bounded extends FilterInputStream {
        private long total;
        private long line = 1;
        private int lineBytes;
        private boolean atStart = true;

        Bounded(InputStream in) {
            super(in.markSupported() ? in : new BufferedInputStream(in));
        }

        private void skipBom() throws IOException {
            atStart = false;
            in.mark(3);
            byte[] b = in.readNBytes(3);
            if (!(b.length == 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF)) {
                in.reset();
            }
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n <= 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (atStart) {
                skipBom();
            }
            int n = in.read(b, off, len);
            for (int i = off; i < off + Math.max(0, n); i++) {
                byte c = b[i];
                if (c == '\n') {
                    line++;
                    lineBytes = 0;
                } else if (++lineBytes > MAX_LINE) {
                    throw new Unreadable("line " + line + " is longer than " + (MAX_LINE >> 20) + " MiB: not a configuration file");
                }
            }
            total += Math.max(0, n);
            if (total > MAX_BYTES) {
                throw new Unreadable("larger than the " + (MAX_BYTES >> 20) + " MiB limit for configuration files");
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            return Math.max(0, read(new byte[(int) Math.min(n, 8192)], 0, (int) Math.min(n, 8192)));
        }
    }
}
