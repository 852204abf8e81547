package dev.ucaudit.roles;

import dev.ucaudit.inventory.IpAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * CDP (after the SNAP header 00-00-0C 0x2000): version, TTL, checksum, then type-length-value
 * fields. Read: device id (1), addresses (2), capabilities (4; 0x80 is a phone), platform (6), voice
 * VLAN reply (0x0e) and management addresses (0x16). CDP carries no IP flow: its addresses are those
 * it names. A phone's addresses are claimed phone; other devices' management addresses are named
 * (role endpoint, weak) so that a draft inventory lists them.
 */
public final class CdpClaims {
    static final int CAP_ROUTER = 0x01;
    static final int CAP_SWITCH = 0x08;
    static final int CAP_PHONE = 0x80;

    private CdpClaims() {
    }

    public static Scan read(byte[] b, int off, int len, List<Claim> out) {
        if (len < 4) {
            return Scan.NEEDS_MORE;
        }
        int version = b[off] & 0xff;
        if (version != 1 && version != 2) {
            return Scan.INVALID;
        }
        String deviceId = "";
        String platform = "";
        long caps = -1;
        int voiceVlan = -1;
        List<IpAddress> addresses = new ArrayList<>();
        int p = off + 4;
        int end = off + len;
        while (p + 4 <= end) {
            int type = Bytes.be16(b, p);
            int tlen = Bytes.be16(b, p + 2);
            if (tlen < 4 || p + tlen > end) {
                return Scan.INVALID;
            }
            int v = p + 4;
            int vlen = tlen - 4;
            switch (type) {
                case 0x01 -> deviceId = Bytes.printable(b, v, vlen, 40);
                case 0x02, 0x16 -> {
                    if (!addresses(b, v, vlen, addresses)) {
                        return Scan.INVALID;
                    }
                }
                case 0x04 -> caps = vlen == 4 ? Bytes.be32(b, v) : caps;
                case 0x06 -> platform = Bytes.printable(b, v, vlen, 40);
                case 0x0e -> voiceVlan = vlen >= 3 ? Bytes.be16(b, v + 1) : voiceVlan;
                default -> {
                }
            }
            p += tlen;
        }
        boolean phone = caps >= 0 && (caps & CAP_PHONE) != 0 && (caps & (CAP_ROUTER | CAP_SWITCH)) == 0;
        String who = (platform.isEmpty() ? "" : platform + " ") + (deviceId.isEmpty() ? "" : "(" + deviceId + ")");
        String what = "CDP: " + who.trim() + (phone ? ", phone capability" : capabilities(caps))
                + (voiceVlan >= 0 ? ", voice VLAN " + voiceVlan : "");
        for (IpAddress a : addresses) {
            out.add(phone ? Claim.named(a, "phone", what, Strength.STRONG) : Claim.named(a, "endpoint", what, Strength.WEAK));
        }
        return Scan.DETECTED;
    }

    private static String capabilities(long caps) {
        if (caps < 0) {
            return "";
        }
        return (caps & CAP_ROUTER) != 0 ? ", router" : (caps & CAP_SWITCH) != 0 ? ", switch" : "";
    }

    /** An address list: a count, then (protocol type, protocol length, protocol, address length, address). */
    private static boolean addresses(byte[] b, int v, int vlen, List<IpAddress> out) {
        if (vlen < 4) {
            return false;
        }
        long count = Bytes.be32(b, v);
        int p = v + 4;
        int end = v + vlen;
        for (long i = 0; i < count; i++) {
            if (p + 2 > end) {
                return false;
            }
            int plen = b[p + 1] & 0xff;
            if (p + 2 + plen + 2 > end) {
                return false;
            }
            boolean ipv4 = (b[p] & 0xff) == 1 && plen == 1 && (b[p + 2] & 0xff) == 0xcc;
            int alen = Bytes.be16(b, p + 2 + plen);
            int a = p + 4 + plen;
            if (a + alen > end) {
                return false;
            }
            if (ipv4 && alen == 4) {
                out.add(IpAddress.of(b, a, 4));
            }
            p = a + alen;
        }
        return true;
    }
}
