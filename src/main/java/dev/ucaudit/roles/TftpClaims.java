package dev.ucaudit.roles;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * TFTP read requests (opcode 1: file name, NUL, mode, NUL) for what only IP phones read: their own
 * configuration (SEP + MAC .cnf.xml), the trust lists (ITL/CTL), the default configuration and phone
 * firmware. The reader is a phone, the host asked a TFTP server (a CUCM node's service). That the
 * server answered is told by {@link #isFirstData}, matched by the caller to the request.
 */
public final class TftpClaims {
    private static final Pattern PHONE_CONFIG = Pattern.compile("sep[0-9a-f]{12}\\.cnf\\.xml(\\.sgn|\\.enc\\.sgn)?");
    private static final Pattern TRUST_LIST = Pattern.compile("(itl|ctl)(file|sep[0-9a-f]{12})\\.tlv");
    private static final int MAX_NAME = 256;

    private TftpClaims() {
    }

    /** Reads a request to port 69; {@code file} gets the file name when it is one a phone reads. */
    public static Scan read(byte[] b, int off, int len, List<Claim> out, String[] file) {
        if (len < 4) {
            return Scan.NEEDS_MORE;
        }
        int opcode = Bytes.be16(b, off);
        if (opcode != 1 && opcode != 2) {
            return Scan.INVALID;
        }
        int end = off + 2;
        while (end < off + len && b[end] != 0) {
            if ((b[end] & 0xff) < 0x20 || end - off - 2 > MAX_NAME) {
                return Scan.INVALID;
            }
            end++;
        }
        if (end >= off + len) {
            return Scan.NEEDS_MORE; // no NUL yet after the file name
        }
        String name = Bytes.cString(b, off + 2, end - off - 2);
        if (name.isEmpty() || opcode == 2) {
            return name.isEmpty() ? Scan.INVALID : Scan.DETECTED;
        }
        String kind = phoneFile(name);
        if (kind != null) {
            out.add(Claim.source("phone", "reads " + kind + " " + SipClaims.shorten(name) + " by TFTP", Strength.STRONG));
            out.add(Claim.destination("cucm", "asked for " + SipClaims.shorten(name) + " by TFTP (named TFTP server)",
                    Strength.WEAK));
            file[0] = name;
        }
        return Scan.DETECTED;
    }

    /** What kind of phone file this is, or null when other hosts read it too. */
    static String phoneFile(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        int slash = Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\'));
        n = n.substring(slash + 1);
        if (PHONE_CONFIG.matcher(n).matches()) {
            return "its configuration";
        }
        if (TRUST_LIST.matcher(n).matches()) {
            return "the trust list";
        }
        if (n.equals("xmldefault.cnf.xml")) {
            return "the default configuration";
        }
        if (n.endsWith(".loads") || n.endsWith(".sbn") || n.endsWith(".sb2")) {
            return "phone firmware";
        }
        return null;
    }

    /** True for a TFTP DATA packet of block 1: the first answer to a read request. */
    public static boolean isFirstData(byte[] b, int off, int len) {
        return len >= 4 && Bytes.be16(b, off) == 3 && Bytes.be16(b, off + 2) == 1;
    }
}
