package dev.ucaudit.roles;

/**
 * Evidence about a host that holds only when the other host of the exchange, the anchor, is a CUCM
 * node by its own evidence: what a call manager does with a host names that host's role (its NTP and
 * DNS servers, the directory it binds to, the H.323 peers it calls), and a host a call manager
 * answers on CTIQBE is a CTI application. Decided after the roles of every address
 * ({@link RoleDecisions}), so the order in which the messages were seen does not matter.
 */
public enum Relation {
    /** Anchor: the NTP client; subject: the server that answered it. */
    NTP("ntp", "answers NTP queries from CUCM node %s (its NTP server)", Strength.STRONG),
    /** Anchor: the DNS client; subject: the server that answered it. */
    DNS("dns", "answers DNS queries from CUCM node %s (its DNS server)", Strength.STRONG),
    /** Anchor: the LDAP client that binds; subject: the directory. */
    LDAP_BIND("ldap", "receives LDAP binds from CUCM node %s (its directory)", Strength.STRONG),
    /** Anchor: the LDAP client that was answered; subject: the directory that answered its bind. */
    LDAP_BOUND("ldap", "answers LDAP binds from CUCM node %s (its directory)", Strength.STRONG),
    /** Anchor: the CTIQBE server (2748); subject: the client it answered. */
    CTIQBE("cti-app", "connects to CUCM node %s's CTIQBE port 2748 and is answered (a CTI application)", Strength.STRONG),
    /** Anchor: the callee of a Q.931 Setup; subject: the caller (only its own claim: weak). */
    Q931_CALLS_CUCM("gateway", "sends Q.931 Setup to CUCM node %s (an H.323 gateway or the far end of an intercluster trunk)",
            Strength.WEAK),
    /** Anchor: the caller of a Q.931 Setup; subject: the callee, which the call manager chose to call. */
    Q931_CALLED_BY_CUCM("gateway", "CUCM node %s calls it with a Q.931 Setup (an H.323 gateway or the far end of an"
            + " intercluster trunk)", Strength.STRONG);

    private final String role;
    private final String what;
    private final Strength strength;

    Relation(String role, String what, Strength strength) {
        this.role = role;
        this.what = what;
        this.strength = strength;
    }

    /** What the subject is when its anchor is a CUCM node; an H.323 peer that is a node itself is the far end of an intercluster trunk. */
    String role(boolean subjectIsCucm) {
        return subjectIsCucm && (this == Q931_CALLS_CUCM || this == Q931_CALLED_BY_CUCM) ? "cucm" : role;
    }

    String what(String anchor, boolean subjectIsCucm) {
        if (subjectIsCucm && (this == Q931_CALLS_CUCM || this == Q931_CALLED_BY_CUCM)) {
            return (this == Q931_CALLS_CUCM ? "sends Q.931 Setup to" : "receives Q.931 Setup from") + " CUCM node " + anchor
                    + " (an intercluster trunk)";
        }
        return String.format(what, anchor);
    }

    /** Q.931 evidence for a node that is a node already adds nothing strong: it only names the trunk. */
    Strength strength(boolean subjectIsCucm) {
        return subjectIsCucm && (this == Q931_CALLS_CUCM || this == Q931_CALLED_BY_CUCM) ? Strength.WEAK : strength;
    }
}
