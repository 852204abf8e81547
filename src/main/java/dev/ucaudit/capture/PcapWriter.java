package dev.ucaudit.capture;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a classic pcap file: µs or ns timestamps, any link type, little-endian unless asked otherwise. */
public final class PcapWriter implements AutoCloseable {
    public static final int DEFAULT_SNAPLEN = 262144;

    private final OutputStream out;
    private final boolean nanos;
    private final ByteBuffer header;

    public PcapWriter(OutputStream out, int linkType) throws IOException {
        this(out, linkType, DEFAULT_SNAPLEN, false, ByteOrder.LITTLE_ENDIAN);
    }

    public PcapWriter(OutputStream out, int linkType, int snaplen, boolean nanos, ByteOrder order) throws IOException {
        this.out = out;
        this.nanos = nanos;
        this.header = ByteBuffer.allocate(24).order(order);
        header.putInt(nanos ? PcapFileSource.MAGIC_NSEC : PcapFileSource.MAGIC_USEC)
                .putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(snaplen).putInt(linkType);
        out.write(header.array(), 0, 24);
    }

    /** A little-endian pcap file at {@code file}. */
    public static PcapWriter create(Path file, int linkType, boolean nanos) throws IOException {
        return new PcapWriter(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16), linkType,
                DEFAULT_SNAPLEN, nanos, ByteOrder.LITTLE_ENDIAN);
    }

    public void writePacket(long tsNanos, byte[] frame) throws IOException {
        writePacket(tsNanos, frame, 0, frame.length, frame.length);
    }

    /** Writes {@code length} captured bytes of a frame that was {@code originalLength} bytes on the wire. */
    public void writePacket(long tsNanos, byte[] frame, int offset, int length, int originalLength) throws IOException {
        long seconds = Math.floorDiv(tsNanos, 1_000_000_000L);
        long fraction = Math.floorMod(tsNanos, 1_000_000_000L);
        header.clear();
        header.putInt((int) seconds).putInt((int) (nanos ? fraction : fraction / 1000)).putInt(length)
                .putInt(originalLength);
        out.write(header.array(), 0, 16);
        out.write(frame, offset, length);
    }

    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
