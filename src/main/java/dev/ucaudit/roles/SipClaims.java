package dev.ucaudit.roles;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * SIP registration and product headers: a REGISTER comes from a registering endpoint to its
 * registrar, a 2xx answer to it (CSeq method REGISTER) from the registrar; User-Agent and Server name
 * the sender's product, which its owner chooses (weak).
 */
public final class SipClaims {
    /** Header section read at most: a registration's headers fit well within it. */
    private static final int MAX_HEAD = 4096;

    private SipClaims() {
    }

    public static Scan read(byte[] b, int off, int len, List<Claim> out) {
        int n = Math.min(len, MAX_HEAD);
        String head = new String(b, off, n, StandardCharsets.ISO_8859_1);
        int eol = head.indexOf("\r\n");
        if (eol < 0) {
            return len < MAX_HEAD && looksLikeStart(head) ? Scan.NEEDS_MORE : Scan.INVALID;
        }
        String first = head.substring(0, eol);
        boolean response = first.startsWith("SIP/2.0 ");
        boolean request = !response && first.endsWith(" SIP/2.0") && first.indexOf(' ') > 0;
        if (!response && !request) {
            return Scan.INVALID;
        }
        int status = 0;
        if (response) {
            if (first.length() < 11 || !Character.isDigit(first.charAt(8)) || !Character.isDigit(first.charAt(9))
                    || !Character.isDigit(first.charAt(10))) {
                return Scan.INVALID;
            }
            status = Integer.parseInt(first.substring(8, 11));
        }
        String cseqMethod = "";
        for (String line : head.substring(eol + 2).split("\r\n", -1)) {
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (name.equals("cseq")) {
                String[] parts = value.split("\\s+");
                cseqMethod = parts.length == 2 ? parts[1] : "";
            } else if (name.equals("user-agent") || name.equals("server")) {
                String role = productRole(value);
                if (role != null) {
                    String header = name.equals("server") ? "Server" : "User-Agent";
                    out.add(Claim.source(role, "SIP " + header + ": " + shorten(value), Strength.WEAK));
                }
            }
        }
        if (request && first.startsWith("REGISTER ")) {
            out.add(Claim.source("phone", "sends SIP REGISTER", Strength.STRONG));
            out.add(Claim.destination("cucm", "receives SIP REGISTER (named registrar)", Strength.WEAK));
        } else if (response && status >= 200 && status < 300 && cseqMethod.equals("REGISTER")) {
            out.add(Claim.source("cucm", "answers SIP REGISTER " + status + " (registrar)", Strength.STRONG));
            out.add(Claim.destination("phone", "registered by SIP REGISTER " + status, Strength.WEAK));
        }
        return Scan.DETECTED;
    }

    private static boolean looksLikeStart(String s) {
        return s.startsWith("SIP/2.0") || !s.isEmpty() && Character.isUpperCase(s.charAt(0)) && s.indexOf('\n') < 0;
    }

    /** The role a product name says: Cisco phones and clients, CUCM, IOS gateways; null for the rest. */
    static String productRole(String product) {
        String p = product.toLowerCase(Locale.ROOT);
        if (p.startsWith("cisco-cucm")) {
            return "cucm";
        }
        if (p.startsWith("cisco-sipgateway") || p.startsWith("cisco-ios") || p.startsWith("cisco-cube")) {
            return "gateway";
        }
        if (p.startsWith("cisco-cp") || p.startsWith("cisco-sipipcommunicator") || p.startsWith("cisco-csf")
                || p.startsWith("cisco-sip-ip-phone") || p.startsWith("cisco-ata") || p.startsWith("cisco-telepresence")) {
            return "phone";
        }
        return null;
    }

    static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
