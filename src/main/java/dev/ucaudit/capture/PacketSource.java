package dev.ucaudit.capture;

import dev.ucaudit.packet.PacketSink;

/**
 * Where packets come from: a capture file, a live interface. Implementations are small and
 * interchangeable (pure-Java file reader, pcap4j, native helper).
 */
public interface PacketSource extends AutoCloseable {
    /** The name the user gave (file path or interface). */
    String name();

    /**
     * Delivers every packet to the sink until the input ends or {@link #stop()} is called.
     * Damage inside the input is reported through {@link PacketSink#problem} and costs only what is
     * damaged. Throws only when the input cannot be read at all (missing file, not a capture).
     */
    void run(PacketSink sink) throws CaptureException;

    /** Bytes of the input read so far (as stored, before decompression), or -1 when the source does not count them. */
    default long bytesRead() {
        return -1;
    }

    /** Asks a running {@link #run} to return soon; safe to call from another thread. */
    void stop();

    @Override
    void close();
}
