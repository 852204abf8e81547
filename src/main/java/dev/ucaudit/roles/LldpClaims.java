package dev.ucaudit.roles;

import dev.ucaudit.inventory.IpAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * LLDP (EtherType 0x88cc) with the LLDP-MED extensions (TIA OUI 00-12-BB): each TLV is a 7-bit type
 * and a 9-bit length. Read: system name (5), system description (6), capabilities (7; telephone is
 * 0x20), management address (8), MED capabilities (device class 3: a communication device) and MED
 * network policy (application 1, voice: the voice VLAN). Only a management address gives an address.
 */
public final class LldpClaims {
    private static final int CAP_TELEPHONE = 0x20;

    private LldpClaims() {
    }

    public static Scan read(byte[] b, int off, int len, List<Claim> out) {
        if (len < 2) {
            return Scan.NEEDS_MORE;
        }
        String name = "";
        String description = "";
        int enabled = -1;
        int medClass = -1;
        int voiceVlan = -1;
        List<IpAddress> addresses = new ArrayList<>();
        int p = off;
        int end = off + len;
        boolean first = true;
        while (p + 2 <= end) {
            int type = (b[p] & 0xff) >> 1;
            int tlen = (b[p] & 0x01) << 8 | b[p + 1] & 0xff;
            int v = p + 2;
            if (v + tlen > end || first && type != 1) {
                return Scan.INVALID; // past the frame, or not starting with the chassis id
            }
            first = false;
            if (type == 0) {
                break;
            }
            switch (type) {
                case 5 -> name = Bytes.printable(b, v, tlen, 40);
                case 6 -> description = Bytes.printable(b, v, tlen, 40);
                case 7 -> enabled = tlen >= 4 ? Bytes.be16(b, v + 2) : enabled;
                case 8 -> {
                    int alen = tlen >= 1 ? b[v] & 0xff : 0;
                    if (alen == 5 && tlen >= 6 && (b[v + 1] & 0xff) == 1) {
                        addresses.add(IpAddress.of(b, v + 2, 4));
                    } else if (alen == 17 && tlen >= 18 && (b[v + 1] & 0xff) == 2) {
                        addresses.add(IpAddress.of(b, v + 2, 16));
                    }
                }
                case 127 -> {
                    if (tlen >= 4 && b[v] == 0x00 && b[v + 1] == 0x12 && (b[v + 2] & 0xff) == 0xbb) {
                        int sub = b[v + 3] & 0xff;
                        if (sub == 1 && tlen >= 7) {
                            medClass = b[v + 6] & 0xff;
                        } else if (sub == 2 && tlen >= 8 && (b[v + 4] & 0xff) == 1) {
                            voiceVlan = (b[v + 5] & 0x1f) << 7 | (b[v + 6] & 0xff) >> 1;
                        }
                    }
                }
                default -> {
                }
            }
            p = v + tlen;
        }
        if (first) {
            return Scan.NEEDS_MORE;
        }
        boolean phone = enabled >= 0 && (enabled & CAP_TELEPHONE) != 0 || medClass == 3;
        String who = (description.isEmpty() ? name : description) + (name.isEmpty() || description.isEmpty() ? "" : " (" + name + ")");
        String what = "LLDP: " + who + (phone ? ", telephone" : "") + (medClass > 0 ? ", MED class " + medClass : "")
                + (voiceVlan >= 0 ? ", voice VLAN " + voiceVlan : "");
        for (IpAddress a : addresses) {
            out.add(phone ? Claim.named(a, "phone", what, Strength.STRONG) : Claim.named(a, "endpoint", what, Strength.WEAK));
        }
        return Scan.DETECTED;
    }
}
