package dev.ucaudit.audit;

import dev.ucaudit.catalog.IpProtocol;
import dev.ucaudit.inventory.IpAddress;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Recognizes scans among finished flows, so that a SYN scan or a UDP spray is reported as one scan
 * rather than as a million flow rows. A flow is <em>probe-like</em> when it is short (at most
 * {@value #PROBE_PACKETS} packets) and unanswered or refused: no packet back, or a TCP flow that saw
 * a reset and no FIN. An initiator (per protocol) whose probe-like flows reach
 * {@value #PORT_THRESHOLD} distinct responder ports, or about {@value #THRESHOLD} distinct responder hosts, is
 * scanning; its probe-like flows are then summarized (still counted everywhere, but not listed).
 *
 * <p>Memory is bounded: at most {@value #MAX_TRACKED} initiators are followed, each with a port
 * bitmap (8 KiB, made only once it has {@value #SMALL_PORTS} probes) and a 1 KiB linear-counting
 * sketch of responder hosts. When the table is full, initiators with few probes are dropped; if it is
 * still full, new initiators are not followed and counted in {@link #initiatorsNotTracked()}.
 */
public final class ScanDetector {
    public static final int PROBE_PACKETS = 4;
    /** Distinct responder ports that make a port scan (nmap's default scan probes 1,000). */
    public static final int PORT_THRESHOLD = 500;
    /** About this many distinct responder hosts make a host sweep. */
    public static final int THRESHOLD = 1000;
    static final int MAX_TRACKED = 4096;
    private static final int SMALL_PORTS = 32;
    private static final int HOST_BITS = 1 << 13;

    private final Map<Prober, Entry> entries = new HashMap<>();
    private long initiatorsNotTracked;

    /** One initiator over one protocol: the key of an {@link Entry}. */
    private record Prober(IpAddress initiator, IpProtocol protocol) {
    }

    /** What is known of one initiator's probe-like flows over one protocol. */
    public static final class Entry {
        final IpAddress initiator;
        final IpProtocol protocol;
        long probes;
        long undocumented;
        long packets;
        long minPackets = Long.MAX_VALUE;
        long maxPackets;
        long firstSeenNanos = Long.MAX_VALUE;
        long lastSeenNanos = Long.MIN_VALUE;
        IpAddress firstResponder;
        boolean oneResponder = true;
        private int[] smallPorts = new int[SMALL_PORTS];
        private int smallPortCount;
        private BitSet ports;
        private final long[] hostSketch = new long[HOST_BITS / 64];
        private int hostBitsSet;
        boolean scanning;

        Entry(IpAddress initiator, IpProtocol protocol) {
            this.initiator = initiator;
            this.protocol = protocol;
        }

        void add(FlowRecord r) {
            probes++;
            if (!r.documented()) {
                undocumented++;
            }
            packets += r.packets();
            minPackets = Math.min(minPackets, r.packets());
            maxPackets = Math.max(maxPackets, r.packets());
            firstSeenNanos = Math.min(firstSeenNanos, r.firstSeenNanos());
            lastSeenNanos = Math.max(lastSeenNanos, r.lastSeenNanos());
            if (firstResponder == null) {
                firstResponder = r.responder();
            } else if (oneResponder && !firstResponder.equals(r.responder())) {
                oneResponder = false;
            }
            int port = r.responderPort();
            if (port >= 0 && port < 65536) {
                if (ports != null) {
                    ports.set(port);
                } else {
                    boolean known = false;
                    for (int i = 0; i < smallPortCount; i++) {
                        if (smallPorts[i] == port) {
                            known = true;
                            break;
                        }
                    }
                    if (!known) {
                        if (smallPortCount < SMALL_PORTS) {
                            smallPorts[smallPortCount++] = port;
                        } else {
                            ports = new BitSet(65536);
                            for (int i = 0; i < smallPortCount; i++) {
                                ports.set(smallPorts[i]);
                            }
                            ports.set(port);
                            smallPorts = null;
                        }
                    }
                }
            }
            // the hash of the address's text, as before addresses were typed: the same estimates
            int h = mix(r.responder().text().hashCode()) & (HOST_BITS - 1);
            long bit = 1L << (h & 63);
            if ((hostSketch[h >>> 6] & bit) == 0) {
                hostSketch[h >>> 6] |= bit;
                hostBitsSet++;
            }
            if (!scanning && (distinctPorts() >= PORT_THRESHOLD || distinctHosts() >= THRESHOLD)) {
                scanning = true;
            }
        }

        public long distinctPorts() {
            return ports != null ? ports.cardinality() : smallPortCount;
        }

        /** Distinct responder hosts: exact for one; else a linear-counting estimate (within a few percent below ~20,000). */
        public long distinctHosts() {
            if (oneResponder) {
                return firstResponder == null ? 0 : 1;
            }
            int zeros = HOST_BITS - hostBitsSet;
            if (zeros == 0) {
                return Math.round(HOST_BITS * Math.log(HOST_BITS)); // saturated: at least this many
            }
            return Math.max(2, Math.round(-HOST_BITS * Math.log((double) zeros / HOST_BITS)));
        }

        public IpAddress initiator() {
            return initiator;
        }

        public IpProtocol protocol() {
            return protocol;
        }

        public long probes() {
            return probes;
        }

        public long undocumented() {
            return undocumented;
        }

        public long minPackets() {
            return minPackets;
        }

        public long maxPackets() {
            return maxPackets;
        }

        public long packets() {
            return packets;
        }

        public long firstSeenNanos() {
            return firstSeenNanos;
        }

        public long lastSeenNanos() {
            return lastSeenNanos;
        }

        /** The responder when every probe went to one host, else null. */
        public IpAddress singleResponder() {
            return oneResponder ? firstResponder : null;
        }

        /** One line a person reads, e.g. "10.0.0.66 probed 65,536 ports of 10.10.1.10 over udp: ...". */
        public String describe() {
            StringBuilder sb = new StringBuilder(initiator.text()).append(" probed ");
            long p = distinctPorts();
            if (oneResponder) {
                sb.append(p > 0 ? fmt(p) + (p == 1 ? " port" : " ports") + " of " : "").append(firstResponder.text());
            } else {
                boolean saturated = hostBitsSet == HOST_BITS;
                sb.append(saturated ? "more than " : "about ").append(fmt(distinctHosts())).append(" hosts");
                if (p > 0) {
                    sb.append(" on ").append(fmt(p)).append(p == 1 ? " port" : " distinct ports");
                }
            }
            sb.append(" over ").append(protocol.label()).append(": ").append(fmt(probes)).append(probes == 1 ? " flow, " : " flows, ");
            sb.append(undocumented == probes ? "all undocumented" : undocumented == 0 ? "all documented"
                    : fmt(undocumented) + " undocumented");
            sb.append(", ");
            if (minPackets == maxPackets) {
                sb.append(minPackets).append(minPackets == 1 ? " packet each" : " packets each");
            } else {
                sb.append(minPackets).append("-").append(maxPackets).append(" packets each");
            }
            return sb.toString();
        }
    }

    /** Counts a finished flow; returns true when it is a probe of an initiator already known to be scanning. */
    public boolean accept(FlowRecord r) {
        if (!probeLike(r)) {
            return false;
        }
        Prober key = new Prober(r.initiator(), r.protocol());
        Entry e = entries.get(key);
        if (e == null) {
            if (entries.size() >= MAX_TRACKED && !makeRoom()) {
                initiatorsNotTracked++;
                return false;
            }
            e = new Entry(r.initiator(), r.protocol());
            entries.put(key, e);
        }
        boolean was = e.scanning;
        e.add(r);
        return was;
    }

    /** True when {@code r} is a probe of a scan that was recognized (by the end of input). */
    public boolean partOfScan(FlowRecord r) {
        return scanOf(r) != null;
    }

    /** The scan {@code r} is a probe of, when its initiator is recognized as scanning; else null. */
    public Entry scanOf(FlowRecord r) {
        if (!probeLike(r)) {
            return null;
        }
        Entry e = entries.get(new Prober(r.initiator(), r.protocol()));
        return e != null && e.scanning ? e : null;
    }

    /** Short, and unanswered or refused. */
    public static boolean probeLike(FlowRecord r) {
        if (r.packets() > PROBE_PACKETS) {
            return false;
        }
        if (r.packetsFromResponder() == 0) {
            return true;
        }
        int flags = r.tcpFlags();
        return r.protocol().equals(IpProtocol.TCP) && (flags & FlowRecord.TCP_RST) != 0 && (flags & FlowRecord.TCP_FIN) == 0;
    }

    private boolean makeRoom() {
        long floor = 16;
        while (floor <= THRESHOLD) {
            for (Iterator<Entry> it = entries.values().iterator(); it.hasNext();) {
                Entry e = it.next();
                if (!e.scanning && e.probes < floor) {
                    it.remove();
                }
            }
            if (entries.size() < MAX_TRACKED * 3 / 4) {
                return true;
            }
            floor *= 4;
        }
        return entries.size() < MAX_TRACKED;
    }

    /** How many initiators are followed now (at most {@value #MAX_TRACKED}). */
    int tracked() {
        return entries.size();
    }

    /** The scans recognized, most probes first. */
    public List<Entry> scans() {
        List<Entry> list = new ArrayList<>();
        for (Entry e : entries.values()) {
            if (e.scanning) {
                list.add(e);
            }
        }
        list.sort(Comparator.comparingLong(Entry::probes).reversed().thenComparing(Entry::initiator, IpAddress.TEXT_ORDER)
                .thenComparing(e -> e.protocol().label()));
        return list;
    }

    public long initiatorsNotTracked() {
        return initiatorsNotTracked;
    }

    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    static String fmt(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
