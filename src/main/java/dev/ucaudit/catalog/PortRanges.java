package dev.ucaudit.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A set of ports written like {@code 69,6969,32768-61000}: sorted, merged, inclusive ranges.
 * The empty set is written as the empty string.
 */
public final class PortRanges {
    public static final PortRanges NONE = new PortRanges(new int[0]);

    /** Pairs lo,hi, sorted by lo, non-overlapping, non-adjacent. */
    private final int[] bounds;
    /** The list as the catalog writes it ({@code 5060,5061} stays a list), or null when not parsed from text. */
    private final String written;

    private PortRanges(int[] bounds) {
        this(bounds, null);
    }

    private PortRanges(int[] bounds, String written) {
        this.bounds = bounds;
        this.written = written;
    }

    public static PortRanges of(int lo, int hi) {
        return normalize(new int[] {lo, hi});
    }

    /** Parses {@code 69,6969,32768-61000}; whitespace around items is allowed. */
    public static PortRanges parse(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            return NONE;
        }
        String[] items = t.split(",");
        int[] raw = new int[items.length * 2];
        for (int i = 0; i < items.length; i++) {
            String item = items[i].trim();
            int dash = item.indexOf('-');
            int lo;
            int hi;
            if (dash > 0) {
                lo = port(item.substring(0, dash), text);
                hi = port(item.substring(dash + 1), text);
            } else {
                lo = port(item, text);
                hi = lo;
            }
            if (lo > hi) {
                throw new IllegalArgumentException("port range '" + item + "' runs backwards");
            }
            raw[2 * i] = lo;
            raw[2 * i + 1] = hi;
            items[i] = item;
        }
        return new PortRanges(normalize(raw).bounds, String.join(",", items));
    }

    /** The ports as the catalog file lists them ({@code 5060,5061}); {@link #toString()} merges them ({@code 5060-5061}). */
    public String asWritten() {
        return written != null ? written : toString();
    }

    /**
     * Number of ports in the smallest item of this set, as the catalog lists it, that holds {@code port}
     * (1 for {@code 5060} in {@code 5060,5061}); 0 when the set does not hold it.
     */
    public int itemSizeAt(int port) {
        if (written != null) {
            int best = 0;
            for (String item : written.split(",")) {
                PortRanges one = parse(item);
                if (one.contains(port) && (best == 0 || one.size() < best)) {
                    best = one.size();
                }
            }
            return best;
        }
        for (int i = 0; i < bounds.length; i += 2) {
            if (port >= bounds[i] && port <= bounds[i + 1]) {
                return bounds[i + 1] - bounds[i] + 1;
            }
        }
        return 0;
    }

    private static int port(String s, String whole) {
        String t = s.trim();
        if (t.isEmpty() || !t.chars().allMatch(Character::isDigit) || t.length() > 5) {
            throw new IllegalArgumentException("'" + whole + "' is not a port list like 69,6969,32768-61000");
        }
        int p = Integer.parseInt(t);
        if (p > 65535) {
            throw new IllegalArgumentException("port " + p + " is out of range 0-65535");
        }
        return p;
    }

    private static PortRanges normalize(int[] raw) {
        int n = raw.length / 2;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(raw[2 * a], raw[2 * b]));
        List<int[]> merged = new ArrayList<>();
        for (int idx : order) {
            int lo = raw[2 * idx];
            int hi = raw[2 * idx + 1];
            if (!merged.isEmpty() && lo <= merged.get(merged.size() - 1)[1] + 1) {
                int[] last = merged.get(merged.size() - 1);
                last[1] = Math.max(last[1], hi);
            } else {
                merged.add(new int[] {lo, hi});
            }
        }
        int[] out = new int[merged.size() * 2];
        for (int i = 0; i < merged.size(); i++) {
            out[2 * i] = merged.get(i)[0];
            out[2 * i + 1] = merged.get(i)[1];
        }
        return new PortRanges(out);
    }

    public boolean isEmpty() {
        return bounds.length == 0;
    }

    public boolean contains(int port) {
        for (int i = 0; i < bounds.length; i += 2) {
            if (port >= bounds[i] && port <= bounds[i + 1]) {
                return true;
            }
        }
        return false;
    }

    /** Number of ranges. */
    public int rangeCount() {
        return bounds.length / 2;
    }

    public int lo(int range) {
        return bounds[2 * range];
    }

    public int hi(int range) {
        return bounds[2 * range + 1];
    }

    /** Total number of ports in the set. */
    public int size() {
        int n = 0;
        for (int i = 0; i < bounds.length; i += 2) {
            n += bounds[i + 1] - bounds[i] + 1;
        }
        return n;
    }

    public PortRanges union(PortRanges other) {
        int[] raw = Arrays.copyOf(bounds, bounds.length + other.bounds.length);
        System.arraycopy(other.bounds, 0, raw, bounds.length, other.bounds.length);
        return raw.length == 0 ? NONE : normalize(raw);
    }

    /** Ports of this set that are not in {@code other}. */
    public PortRanges minus(PortRanges other) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < bounds.length; i += 2) {
            int lo = bounds[i];
            int hi = bounds[i + 1];
            for (int j = 0; j < other.bounds.length && lo <= hi; j += 2) {
                int olo = other.bounds[j];
                int ohi = other.bounds[j + 1];
                if (ohi < lo || olo > hi) {
                    continue;
                }
                if (olo > lo) {
                    out.add(lo);
                    out.add(olo - 1);
                }
                lo = ohi + 1;
            }
            if (lo <= hi) {
                out.add(lo);
                out.add(hi);
            }
        }
        int[] raw = out.stream().mapToInt(Integer::intValue).toArray();
        return raw.length == 0 ? NONE : normalize(raw);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < bounds.length; i += 2) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(bounds[i]);
            if (bounds[i + 1] != bounds[i]) {
                sb.append('-').append(bounds[i + 1]);
            }
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PortRanges other && Arrays.equals(bounds, other.bounds);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bounds);
    }
}
