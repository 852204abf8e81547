package dev.ucaudit.roles;

import java.util.List;
import java.util.Map;

/**
 * SCCP (Skinny) registration: a device sends Register (0x0001) to a call manager, which answers
 * RegisterAck (0x0081) or RegisterReject (0x009D); after it only the call manager sends call control
 * (StartMediaTransmission, OpenReceiveChannel, CallState, SetRinger, DefineTimeDate, KeepAliveAck)
 * and only a phone its hook and keys (OffHook, OnHook, KeypadButton, SoftKeyEvent). The header is a little-endian length (message id
 * and data), a header version and the message id; the same ids as the SCCP inspector's parser.
 */
public final class SccpClaims {
    static final int REGISTER = 0x0001;
    static final int REGISTER_ACK = 0x0081;
    static final int REGISTER_REJECT = 0x009D;
    private static final int HEADER = 12;
    private static final int NAME = 16;
    /** Largest SCCP message a registration exchange carries; a longer length field is not SCCP. */
    private static final int MAX_LENGTH = 4096;

    /** What only a call manager sends to its stations. */
    private static final Map<Integer, String> CALL_MANAGER_ONLY = Map.of(0x0085, "SetRinger", 0x008A, "StartMediaTransmission",
            0x0105, "OpenReceiveChannel", 0x0111, "CallState", 0x0094, "DefineTimeDate", 0x0100, "KeepAliveAck");
    /** What only a phone sends: hook and keys. */
    private static final Map<Integer, String> STATION_ONLY = Map.of(0x0003, "KeypadButton", 0x0006, "OffHook",
            0x0007, "OnHook", 0x0026, "SoftKeyEvent");

    private SccpClaims() {
    }

    public static Scan read(byte[] b, int off, int len, List<Claim> out) {
        if (len < HEADER) {
            return Scan.NEEDS_MORE;
        }
        long length = Bytes.le32(b, off);
        long version = Bytes.le32(b, off + 4);
        if (length < 4 || length > MAX_LENGTH || version > 0xff) {
            return Scan.INVALID;
        }
        int id = (int) Bytes.le32(b, off + 8);
        switch (id) {
            case REGISTER -> {
                if (len < HEADER + NAME) {
                    return Scan.NEEDS_MORE;
                }
                String name = Bytes.cString(b, off + HEADER, NAME);
                if (name.isEmpty() || !printable(name)) {
                    return Scan.INVALID;
                }
                boolean phone = name.startsWith("SEP") || name.startsWith("ATA") || name.startsWith("CIPC");
                String role = phone ? "phone" : "gateway";
                out.add(Claim.source(role, "sends SCCP Register as " + name + (phone ? "" : " (a media resource or gateway)"),
                        Strength.STRONG));
                out.add(Claim.destination("cucm", "receives SCCP Register from " + name, Strength.WEAK));
            }
            case REGISTER_ACK -> out.add(Claim.source("cucm", "answers SCCP RegisterAck", Strength.STRONG));
            case REGISTER_REJECT -> out.add(Claim.source("cucm", "answers SCCP RegisterReject", Strength.STRONG));
            case 0x0006, 0x0007, 0x0003, 0x0026 -> out.add(Claim.source("phone", "sends SCCP " + STATION_ONLY.get(id)
                    + " (a phone's keys and hook)", Strength.STRONG));
            default -> {
                String callControl = CALL_MANAGER_ONLY.get(id);
                if (callControl != null) {
                    out.add(Claim.source("cucm", "sends SCCP " + callControl + " (call control)", Strength.STRONG));
                }
            }
        }
        return Scan.DETECTED;
    }

    private static boolean printable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }
}
