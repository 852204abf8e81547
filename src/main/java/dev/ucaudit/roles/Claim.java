package dev.ucaudit.roles;

import dev.ucaudit.inventory.IpAddress;

/**
 * One thing a message says about a host's role: the sender of the message, its destination, or an
 * address the message names (a DHCP option 150 TFTP server, a CDP management address).
 *
 * @param named the address when {@code about} is {@link About#NAMED}, otherwise null
 */
public record Claim(About about, IpAddress named, String role, String what, Strength strength) {
    public enum About { SOURCE, DESTINATION, NAMED }

    public static Claim source(String role, String what, Strength strength) {
        return new Claim(About.SOURCE, null, role, what, strength);
    }

    public static Claim destination(String role, String what, Strength strength) {
        return new Claim(About.DESTINATION, null, role, what, strength);
    }

    public static Claim named(IpAddress address, String role, String what, Strength strength) {
        return new Claim(About.NAMED, address, role, what, strength);
    }
}
