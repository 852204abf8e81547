package dev.ucaudit.roles;

/** What a decoder of what hosts say made of some bytes: every decoder answers one of the three. */
public enum Scan {
    /** Too short to tell: more bytes could make it a message (never read past the end). */
    NEEDS_MORE,
    /** Not this protocol, or a message of it that breaks its own lengths. */
    INVALID,
    /** A message of this protocol, read: its claims (maybe none) were handed on. */
    DETECTED
}
