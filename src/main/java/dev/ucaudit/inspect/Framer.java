package dev.ucaudit.inspect;

/** Finds message boundaries in a byte stream. Never throws; checks every length before reading. */
@FunctionalInterface
public interface Framer {
    /** Looks at {@code buf[off, off+len)}, which starts at a message boundary. */
    Frame frame(byte[] buf, int off, int len);
}
