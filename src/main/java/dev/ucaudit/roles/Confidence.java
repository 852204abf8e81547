package dev.ucaudit.roles;

import java.util.Locale;

/**
 * How far a learned role can be trusted: HIGH needs strong evidence from two messages or more (or
 * strong and weak evidence for the same role); LOW is one message, or only weak evidence;
 * CONTRADICTORY is a host whose own strong evidence names roles that exclude each other (a phone's
 * address also answering RegisterAck): never trusted.
 */
public enum Confidence {
    HIGH, LOW, CONTRADICTORY;

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}
