package dev.ucaudit.capture.live;

/**
 * How to open an interface.
 *
 * @param interfaceName   as {@code ip link} names it
 * @param snaplen         bytes kept per packet (65535 keeps whole SIP/SDP messages)
 * @param bufferBytes     libpcap (kernel ring) buffer size
 * @param promiscuous     receive frames addressed to other hosts (needed on a SPAN port)
 * @param immediate       deliver each packet at once instead of waiting for the ring block to fill
 * @param timeoutMillis   libpcap read timeout
 * @param filter          BPF expression, or null
 * @param queueBytes      memory for packets waiting for analysis
 * @param blockBytes      size of one batch block
 */
public record LiveCaptureConfig(String interfaceName, int snaplen, int bufferBytes, boolean promiscuous,
                                boolean immediate, int timeoutMillis, String filter, long queueBytes, int blockBytes) {
    public static final int DEFAULT_SNAPLEN = 65535;
    public static final int DEFAULT_BUFFER = 64 << 20;
    public static final long DEFAULT_QUEUE = 64L << 20;
    public static final int DEFAULT_BLOCK = 1 << 20;

    public static LiveCaptureConfig defaults(String interfaceName) {
        return new LiveCaptureConfig(interfaceName, DEFAULT_SNAPLEN, DEFAULT_BUFFER, true, false, 100, null,
                DEFAULT_QUEUE, DEFAULT_BLOCK);
    }
}
