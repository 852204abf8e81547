package dev.ucaudit.inspect;

/** Three-way result of a protocol detector or framer (as in Netty's codec-haproxy). */
public enum Detection {
    /** The bytes so far are a valid prefix; wait for more. */
    NEEDS_MORE_DATA,
    /** The bytes cannot be this protocol (or lie about their lengths). */
    INVALID,
    /** A complete message is present. */
    DETECTED
}
