package dev.ucaudit.capture.live;

/**
 * libpcap's statistics for one live handle, accumulated with wrap handling: received by the
 * filter, dropped by the kernel (buffer full), dropped by the interface or its driver.
 */
public final class PcapCounters {
    private final UnsignedCounter received = new UnsignedCounter();
    private final UnsignedCounter dropped = new UnsignedCounter();
    private final UnsignedCounter ifDropped = new UnsignedCounter();

    /** One reading of {@code pcap_stats}; values are taken as unsigned 32-bit. */
    public synchronized void sample(long rawReceived, long rawDropped, long rawIfDropped) {
        received.sample(rawReceived);
        dropped.sample(rawDropped);
        ifDropped.sample(rawIfDropped);
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(received.total(), dropped.total(), ifDropped.total());
    }

    /** Totals at one moment; {@link #minus} gives a period's share. */
    public record Snapshot(long received, long dropped, long ifDropped) {
        public static final Snapshot ZERO = new Snapshot(0, 0, 0);

        public Snapshot minus(Snapshot earlier) {
            return new Snapshot(received - earlier.received, dropped - earlier.dropped, ifDropped - earlier.ifDropped);
        }
    }
}
