package dev.ucaudit.capture.live;

/**
 * Accumulates a counter that libpcap reports as an unsigned 32-bit value ({@code u_int} in
 * {@code struct pcap_stat}) and that wraps to 0 after 4294967295. Each sample adds the distance from
 * the previous one modulo 2^32, so the total keeps growing across wraps as long as fewer than 2^32
 * events happen between two samples (sample at least every few seconds).
 */
public final class UnsignedCounter {
    private static final long MASK = 0xFFFF_FFFFL;

    private long last;
    private long total;

    /** Takes a new raw reading (only its low 32 bits count) and returns the running total. */
    public long sample(long raw) {
        long now = raw & MASK;
        total += (now - last) & MASK;
        last = now;
        return total;
    }

    /** Everything counted since the start, wraps included. */
    public long total() {
        return total;
    }
}
