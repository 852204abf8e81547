package dev.ucaudit.report;

import java.util.BitSet;

/**
 * Ports as a person reads a list of them: {@code 23, 110} (each port there is, never a range that
 * claims the ports between), three or more consecutive ports as a range ({@code 1-1023}), and past
 * {@link #ITEMS} items the count of the rest ({@code 1, 3, 5, … and 40 more (50 ports)}).
 */
final class PortList {
    /** List items (a port or a range of consecutive ports) written before the rest is counted. */
    static final int ITEMS = 12;

    private PortList() {
    }

    static String of(BitSet ports) {
        StringBuilder b = new StringBuilder();
        int items = 0;
        int listed = 0;
        for (int p = ports.nextSetBit(0); p >= 0; ) {
            int end = ports.nextClearBit(p) - 1;
            if (items == ITEMS) {
                int total = ports.cardinality();
                return b.append(", … and ").append(HtmlReport.fmt(total - listed)).append(" more (")
                        .append(HtmlReport.fmt(total)).append(" ports)").toString();
            }
            b.append(items++ > 0 ? ", " : "");
            if (end - p >= 2) {
                b.append(p).append('-').append(end);
                listed += end - p + 1;
            } else {
                b.append(p);
                listed++;
                end = p;
            }
            p = ports.nextSetBit(end + 1);
        }
        return b.toString();
    }
}
