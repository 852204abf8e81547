package dev.ucaudit.roles;

/**
 * How much one piece of evidence says: STRONG is a message only a host of that role sends (a
 * RegisterAck, a DHCP offer, a gatekeeper's confirm); WEAK is what another host claims about it, a
 * header it chose to send, or a port.
 */
public enum Strength {
    STRONG, WEAK;

    public String text() {
        return this == STRONG ? "strong" : "weak";
    }
}
