package dev.ucaudit.inspect;

/**
 * Reads the signalling of one flow. One instance per flow; it holds per-direction stream state
 * (TCP reassembly). Implementations never throw out of {@link #onPayload}: problems are counted
 * through {@link InspectionContext#malformed}.
 */
public interface Inspector {
    /**
     * @param buf payload bytes; only {@code buf[off, off+len)} is read and nothing is kept by reference
     * @param tcpSeq TCP sequence number of the first payload byte (ignored for UDP; -1 = unknown)
     * @param tcpFlags TCP flags byte (SYN=2, FIN=1, RST=4); 0 for UDP
     */
    void onPayload(InspectionContext ctx, Direction dir, byte[] buf, int off, int len, long tcpSeq, int tcpFlags);
}
