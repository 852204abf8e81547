package dev.ucaudit.report;

/** TCP flag bits as a report writes them, e.g. {@code SYN|ACK|FIN}; no flag: empty. */
public final class TcpFlagNames {
    private static final String[] NAMES = {"FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR"};

    private TcpFlagNames() {
    }

    public static String of(int flags) {
        StringBuilder sb = new StringBuilder();
        for (int bit = 0; bit < 8; bit++) {
            if ((flags & (1 << bit)) != 0) {
                if (sb.length() > 0) {
                    sb.append('|');
                }
                sb.append(NAMES[bit]);
            }
        }
        return sb.toString();
    }
}
