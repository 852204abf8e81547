package dev.ucaudit.roles;

import java.util.ArrayList;
import java.util.List;

/** The protocols a piece of evidence's text names ("answers SCCP RegisterAck": SCCP), for the report's summary of what roles were learned from. */
public final class Protocols {
    private static final List<String> NAMES = List.of("SCCP", "SIP", "MGCP", "H.225 RAS", "Q.931", "TFTP", "DHCP", "CDP", "LLDP",
            "CTIQBE", "LDAP", "NTP", "DNS");

    private Protocols() {
    }

    public static List<String> named(String what) {
        List<String> out = new ArrayList<>(2);
        for (String n : NAMES) {
            int i = what.indexOf(n);
            if (i >= 0 && (i + n.length() == what.length() || !Character.isLetter(what.charAt(i + n.length())))) {
                out.add(n);
            }
        }
        return out;
    }
}
