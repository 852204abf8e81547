package dev.ucaudit.inspect;

/**
 * Tells whether a flow carries one protocol from its first payloads (each direction's, in order),
 * as Zeek's dynamic protocol detection and nDPI's dissectors do, but to hold a port to what the
 * catalog says it carries. Never throws, never reads outside {@code buf[off, off+len)}, keeps no
 * reference to {@code buf}.
 */
@FunctionalInterface
public interface Recogniser {
    Look look(Direction dir, byte[] buf, int off, int len);

    /** The recogniser for one new flow over {@code ipProtocol}: itself when it keeps no state and reads both alike. */
    default Recogniser forFlow(int ipProtocol) {
        return this;
    }
}
