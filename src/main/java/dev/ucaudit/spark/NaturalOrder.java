package dev.ucaudit.spark;

import java.io.Serializable;
import java.util.Comparator;

/**
 * Names in the order people number files: runs of digits compare as numbers, so tcpdump's
 * {@code -C}/{@code -W} rotation ({@code cap.pcap, cap.pcap1, cap.pcap2, ..., cap.pcap10}) and
 * zero-padded or timestamped names ({@code -G}) sort in the order they were written.
 */
final class NaturalOrder implements Comparator<String>, Serializable {
    static final NaturalOrder INSTANCE = new NaturalOrder();
    private static final long serialVersionUID = 1L;

    private NaturalOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (isDigit(ca) && isDigit(cb)) {
                int endA = digitsEnd(a, i);
                int endB = digitsEnd(b, j);
                int c = compareNumbers(a.substring(i, endA), b.substring(j, endB));
                if (c != 0) {
                    return c;
                }
                i = endA;
                j = endB;
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        int c = Integer.compare(a.length() - i, b.length() - j);
        return c != 0 ? c : a.compareTo(b); // 07 and 7 are equal as numbers: the text decides
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int digitsEnd(String s, int from) {
        int end = from;
        while (end < s.length() && isDigit(s.charAt(end))) {
            end++;
        }
        return end;
    }

    /** Two digit runs as numbers of any length: leading zeros dropped, then the longer is larger. */
    private static int compareNumbers(String a, String b) {
        String x = a.replaceFirst("^0+(?=.)", "");
        String y = b.replaceFirst("^0+(?=.)", "");
        return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
    }
}
