package dev.ucaudit.catalog;

import java.util.Locale;
import java.util.Optional;

/**
 * The application protocols the catalog names: what a row's {@code inspect} column reads and what
 * its {@code expects} column says the port carries. The catalog's vocabulary; the inspection
 * registers a recogniser (and an inspector, where there is one) for each.
 */
public enum AppProtocol {
    SIP("sip", "SIP", "a"),
    SCCP("sccp", "SCCP", "an"),
    H225("h225", "H.225", "an"),
    H245("h245", "H.245", "an"),
    RAS("ras", "H.225 RAS", "an"),
    MGCP("mgcp", "MGCP", "an"),
    TFTP("tftp", "TFTP", "a"),
    TLS("tls", "TLS", "a"),
    HTTP("http", "HTTP", "an"),
    LDAP("ldap", "LDAP", "an"),
    DNS("dns", "DNS", "a"),
    NTP("ntp", "NTP", "an"),
    SNMP("snmp", "SNMP", "an"),
    SYSLOG("syslog", "syslog", "a"),
    SSH("ssh", "SSH", "an"),
    /** RTP, RTCP, SRTP/SRTCP, STUN/ICE, DTLS-SRTP, ZRTP, T.38 over UDPTL: what a media range carries. */
    RTP("rtp", "media", "a");

    private final String token;
    private final String displayName;
    private final String article;

    AppProtocol(String token, String displayName, String article) {
        this.token = token;
        this.displayName = displayName;
        this.article = article;
    }

    /** As the catalog writes it, and as summary.json's counters name it: {@code sip}, {@code h225}. */
    public String token() {
        return token;
    }

    /** As a person names it in a reason: {@code SIP}, {@code H.225}, {@code media}. */
    public String displayName() {
        return displayName;
    }

    /** The indefinite article a reason puts before the name: "an" SCCP, "a" SIP. */
    public String article() {
        return article;
    }

    public static Optional<AppProtocol> of(String token) {
        String t = token.trim().toLowerCase(Locale.ROOT);
        for (AppProtocol p : values()) {
            if (p.token.equals(t)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return token;
    }
}
