package dev.ucaudit.roles;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * MGCP (RFC 3435): a gateway sends RSIP (restart in progress) and NTFY to its call agent; the call
 * agent (CUCM) sends CRCX, MDCX, RQNT, AUEP, AUCX and EPCF to the gateway. Responses (three digits,
 * transaction id) are detected but name no role: both sides answer.
 */
public final class MgcpClaims {
    private static final Set<String> FROM_GATEWAY = Set.of("RSIP", "NTFY");
    private static final Set<String> FROM_CALL_AGENT = Set.of("CRCX", "MDCX", "RQNT", "AUEP", "AUCX", "EPCF");
    private static final Set<String> OTHER = Set.of("DLCX", "MESG");
    private static final int MAX_LINE = 512;

    private MgcpClaims() {
    }

    public static Scan read(byte[] b, int off, int len, List<Claim> out) {
        int n = Math.min(len, MAX_LINE);
        int eol = -1;
        for (int i = 0; i < n; i++) {
            if (b[off + i] == '\n' || b[off + i] == '\r') {
                eol = i;
                break;
            }
        }
        if (eol < 0) {
            return len < MAX_LINE ? Scan.NEEDS_MORE : Scan.INVALID;
        }
        String[] f = new String(b, off, eol, StandardCharsets.ISO_8859_1).trim().split("\\s+");
        if (f.length >= 2 && f[0].length() == 3 && digits(f[0]) && digits(f[1])) {
            return Scan.DETECTED; // a response
        }
        // "VERB transaction-id endpoint MGCP 1.0"
        if (f.length != 5 || !f[3].equals("MGCP") || !f[4].matches("[0-9]{1,2}\\.[0-9]{1,2}") || !digits(f[1])) {
            return Scan.INVALID;
        }
        return verb(f[0], f[2], out);
    }

    private static boolean digits(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static Scan verb(String verb, String endpoint, List<Claim> out) {
        if (FROM_GATEWAY.contains(verb)) {
            out.add(Claim.source("gateway", "sends MGCP " + verb + " for " + SipClaims.shorten(endpoint), Strength.STRONG));
            out.add(Claim.destination("cucm", "receives MGCP " + verb + " (named call agent)", Strength.WEAK));
        } else if (FROM_CALL_AGENT.contains(verb)) {
            out.add(Claim.source("cucm", "sends MGCP " + verb + " (call agent)", Strength.STRONG));
            out.add(Claim.destination("gateway", "receives MGCP " + verb + " for " + SipClaims.shorten(endpoint), Strength.WEAK));
        } else if (!OTHER.contains(verb)) {
            return Scan.INVALID;
        }
        return Scan.DETECTED;
    }
}
