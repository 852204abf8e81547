package dev.ucaudit.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Estimates packet loss upstream of the capture (an overloaded SPAN port, a lossy tap) the way
 * Zeek's capture-loss does: a TCP receiver only acknowledges data that reached it, so an ACK that
 * acknowledges bytes the capture never saw proves the mirror lost them. The estimate is the share
 * of ACK events (ACKs that acknowledge new data) that reveal such a gap.
 *
 * <p>Per connection it remembers, for each direction, the end of the data seen and the highest
 * acknowledgment seen; sequence numbers are compared modulo 2^32. A direction never seen at all
 * (one-way mirroring, a flow joined mid-stream in the other direction) reveals nothing and is not
 * counted. Memory is bounded: at most {@code maxConnections} connections, the least recently seen
 * forgotten first. Single-threaded: the analysis thread feeds it.
 */
public final class TcpGapEstimator {
    private static final int SYN = 0x02;
    private static final int FIN = 0x01;
    private static final int ACK = 0x10;
    private static final int RST = 0x04;

    private static final class Connection {
        final long[] dataEnd = new long[2];
        final boolean[] dataSeen = new boolean[2];
        final long[] lastAck = new long[2];
        final boolean[] ackSeen = new boolean[2];
    }

    private final Map<Object, Connection> connections;
    private long ackEvents;
    private long gapEvents;
    private long gapBytes;

    public TcpGapEstimator(int maxConnections) {
        this.connections = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Connection> eldest) {
                return size() > maxConnections;
            }
        };
    }

    /**
     * One TCP segment of connection {@code key} (any object with identity or equality per connection)
     * sent by side {@code side} (0 or 1). {@code payloadLength} is the length on the wire, not what
     * the snaplen kept.
     */
    public void segment(Object key, int side, int flags, long seq, long ack, int payloadLength) {
        Connection c = connections.computeIfAbsent(key, k -> new Connection());
        int other = 1 - side;
        if ((flags & RST) == 0) {
            long end = (seq + payloadLength + ((flags & SYN) != 0 ? 1 : 0) + ((flags & FIN) != 0 ? 1 : 0)) & 0xFFFF_FFFFL;
            if (!c.dataSeen[side] || after(end, c.dataEnd[side])) {
                c.dataEnd[side] = end;
                c.dataSeen[side] = true;
            }
        }
        if ((flags & ACK) == 0 || !c.dataSeen[other]) {
            return;
        }
        long a = ack & 0xFFFF_FFFFL;
        if (c.ackSeen[side] && !after(a, c.lastAck[side])) {
            return; // duplicate or old ACK: acknowledges nothing new
        }
        c.ackSeen[side] = true;
        c.lastAck[side] = a;
        ackEvents++;
        if (after(a, c.dataEnd[other])) {
            gapEvents++;
            gapBytes += (a - c.dataEnd[other]) & 0xFFFF_FFFFL;
            c.dataEnd[other] = a;
        }
    }

    /** The connection ended (its flow left the flow table): its state is dropped. */
    public void forget(Object key) {
        connections.remove(key);
    }

    /** a comes after b in sequence space (RFC 1982 style, modulo 2^32). */
    static boolean after(long a, long b) {
        return (int) (a - b) > 0;
    }

    public Snapshot snapshot() {
        return new Snapshot(ackEvents, gapEvents, gapBytes);
    }

    public int connectionsTracked() {
        return connections.size();
    }

    /** Counts at one moment. */
    public record Snapshot(long acks, long gaps, long gapBytes) {
        public static final Snapshot ZERO = new Snapshot(0, 0, 0);

        public Snapshot minus(Snapshot earlier) {
            return new Snapshot(acks - earlier.acks, gaps - earlier.gaps, gapBytes - earlier.gapBytes);
        }

        /** Percentage of ACK events that revealed a gap; 0 when there were none. */
        public double percent() {
            return acks == 0 ? 0.0 : 100.0 * gaps / acks;
        }
    }
}
