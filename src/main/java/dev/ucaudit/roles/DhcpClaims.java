package dev.ucaudit.roles;

import dev.ucaudit.inventory.IpAddress;
import java.util.List;

/**
 * DHCP answers (BOOTP op 2 with a message type OFFER, ACK or NAK): the server (option 54, its
 * identifier, else the sender) and the TFTP servers it hands to phones: option 150 (Cisco, a list of
 * IPv4 addresses) and option 66 (a name; used only when it is an IPv4 address).
 */
public final class DhcpClaims {
    private static final int FIXED = 236;
    private static final int COOKIE = 0x63825363;

    private DhcpClaims() {
    }

    public static Scan read(byte[] b, int off, int len, List<Claim> out) {
        if (len < 1) {
            return Scan.NEEDS_MORE;
        }
        int op = b[off] & 0xff;
        if (op != 1 && op != 2) {
            return Scan.INVALID;
        }
        if (len < FIXED + 4) {
            return Scan.NEEDS_MORE;
        }
        if (Bytes.be32(b, off + FIXED) != COOKIE) {
            return Scan.INVALID;
        }
        int type = 0;
        IpAddress serverId = null;
        byte[] option150 = null;
        String option66 = null;
        int p = off + FIXED + 4;
        int end = off + len;
        while (p < end) {
            int code = b[p] & 0xff;
            if (code == 0) {
                p++;
                continue;
            }
            if (code == 255) {
                break;
            }
            if (p + 2 > end || p + 2 + (b[p + 1] & 0xff) > end) {
                return Scan.INVALID; // an option running past the packet
            }
            int olen = b[p + 1] & 0xff;
            int v = p + 2;
            switch (code) {
                case 53 -> type = olen == 1 ? b[v] & 0xff : 0;
                case 54 -> serverId = olen == 4 ? IpAddress.of(b, v, 4) : null;
                case 150 -> {
                    if (olen % 4 == 0 && olen > 0) {
                        option150 = new byte[olen];
                        System.arraycopy(b, v, option150, 0, olen);
                    }
                }
                case 66 -> option66 = Bytes.printable(b, v, olen, 64);
                default -> {
                }
            }
            p = v + olen;
        }
        if (op != 2 || type != 2 && type != 5 && type != 6) {
            return Scan.DETECTED; // a client's message or an answer without a type: no server role claimed
        }
        String message = type == 2 ? "OFFER" : type == 5 ? "ACK" : "NAK";
        if (serverId != null) {
            out.add(Claim.named(serverId, "dhcp", "DHCP server identifier in a DHCP " + message, Strength.STRONG));
        } else {
            out.add(Claim.source("dhcp", "answers DHCP " + message, Strength.STRONG));
        }
        if (option150 != null) {
            for (int i = 0; i < option150.length; i += 4) {
                out.add(Claim.named(IpAddress.of(option150, i, 4), "cucm", "named TFTP server by DHCP option 150",
                        Strength.WEAK));
            }
        }
        IpAddress named66 = option66 == null ? null : ipv4Literal(option66);
        if (named66 != null) {
            out.add(Claim.named(named66, "cucm", "named TFTP server by DHCP option 66", Strength.WEAK));
        }
        return Scan.DETECTED;
    }

    static IpAddress ipv4Literal(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] a = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (parts[i].isEmpty() || parts[i].length() > 3 || !parts[i].chars().allMatch(Character::isDigit)) {
                return null;
            }
            int v = Integer.parseInt(parts[i]);
            if (v > 255) {
                return null;
            }
            a[i] = (byte) v;
        }
        return IpAddress.of(a);
    }
}
