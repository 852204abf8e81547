package dev.ucaudit.catalog;

import java.util.Locale;

/** An IP protocol as reports name it: tcp, udp, icmp, icmpv6, gre, esp, ah, sctp, or ip-N. */
public record IpProtocol(int number) {
    public static final IpProtocol ICMP = new IpProtocol(1);
    public static final IpProtocol TCP = new IpProtocol(6);
    public static final IpProtocol UDP = new IpProtocol(17);
    public static final IpProtocol GRE = new IpProtocol(47);
    public static final IpProtocol ESP = new IpProtocol(50);
    public static final IpProtocol AH = new IpProtocol(51);
    public static final IpProtocol ICMPV6 = new IpProtocol(58);
    public static final IpProtocol SCTP = new IpProtocol(132);

    private static final String[] NAMES = new String[256];

    static {
        NAMES[1] = "icmp";
        NAMES[6] = "tcp";
        NAMES[17] = "udp";
        NAMES[47] = "gre";
        NAMES[50] = "esp";
        NAMES[51] = "ah";
        NAMES[58] = "icmpv6";
        NAMES[132] = "sctp";
    }

    /** One instance per number, so that a flow's protocol costs no allocation. */
    private static final IpProtocol[] BY_NUMBER = new IpProtocol[256];

    static {
        for (int i = 0; i < BY_NUMBER.length; i++) {
            BY_NUMBER[i] = new IpProtocol(i);
        }
    }

    public IpProtocol {
        if (number < 0 || number > 255) {
            throw new IllegalArgumentException("IP protocol number out of range 0-255: " + number);
        }
    }

    /** The protocol of this number (0-255), shared. */
    public static IpProtocol of(int number) {
        if (number < 0 || number >= BY_NUMBER.length) {
            throw new IllegalArgumentException("IP protocol number out of range 0-255: " + number);
        }
        return BY_NUMBER[number];
    }

    /** True for the protocols whose flows have ports (tcp, udp, sctp). */
    public boolean hasPorts() {
        return number == 6 || number == 17 || number == 132;
    }

    public String label() {
        return label(number);
    }

    public static String label(int number) {
        String name = number >= 0 && number < 256 ? NAMES[number] : null;
        return name != null ? name : "ip-" + number;
    }

    /** Parses a report name (tcp, udp, icmp, ..., ip-N, or a bare number). */
    public static IpProtocol parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (int i = 0; i < NAMES.length; i++) {
            if (t.equals(NAMES[i])) {
                return new IpProtocol(i);
            }
        }
        String digits = t.startsWith("ip-") ? t.substring(3) : t;
        try {
            return new IpProtocol(Integer.parseInt(digits));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("unknown protocol '" + text
                    + "' (expected tcp, udp, sctp, icmp, icmpv6, gre, esp, ah or ip-N)");
        }
    }

    @Override
    public String toString() {
        return label();
    }
}
