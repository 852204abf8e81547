package dev.ucaudit.audit;

/** TCP flag bits as names, e.g. {@code SYN|ACK|FIN}. */
final class TcpFlagNames {
    private static final String[] NAMES = {"FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR"};

    private TcpFlagNames() {
    }

    static String of(int flags) {
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
