package dev.ucaudit.roles;

import dev.ucaudit.inventory.IpAddress;

/**
 * The inventory checked against the wire: a declared role that strong evidence contradicts, or
 * strong evidence for an address the inventory does not list (a new phone, a rogue call manager).
 *
 * @param declared the inventory's role, null when the address is not listed
 * @param because  the strong evidence behind the finding
 */
public record RoleFinding(Kind kind, IpAddress address, String learned, String declared, Evidence because) {
    public enum Kind {
        CONTRADICTED("contradicted"), NOT_IN_INVENTORY("not-in-inventory");

        private final String text;

        Kind(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /** "10.0.0.180 answers SCCP RegisterAck (capture.pcap #8), so it acts as cucm, but the inventory says admin". */
    public String describe() {
        String seen = address.text() + " " + because.what() + " (" + because.first().text() + "), so it acts as " + learned;
        return kind == Kind.CONTRADICTED ? seen + ", but the inventory says " + declared
                : seen + ", but the inventory does not list it";
    }
}
