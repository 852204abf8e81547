package dev.ucaudit.capture;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Writes a pcapng file: a section header, interface descriptions for several interfaces (each
 * with its own link type and timestamp resolution), enhanced packet blocks. Also writes simple
 * and obsolete packet blocks and further sections, which tests of readers need.
 */
public final class PcapngWriter implements AutoCloseable {
    /** if_tsresol value for microseconds (the pcapng default). */
    public static final int MICROS = 6;
    /** if_tsresol value for nanoseconds. */
    public static final int NANOS = 9;

    private final OutputStream out;
    private ByteOrder order;
    private ByteBuffer buf = ByteBuffer.allocate(256);
    private int[] resolutions = new int[4];
    private int interfaces;

    public PcapngWriter(OutputStream out) throws IOException {
        this(out, ByteOrder.LITTLE_ENDIAN);
    }

    public PcapngWriter(OutputStream out, ByteOrder order) throws IOException {
        this.out = out;
        startSection(order);
    }

    public static PcapngWriter create(Path file) throws IOException {
        return new PcapngWriter(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
    }

    /** Starts a new section (its interfaces are numbered from 0 again) in the given byte order. */
    public void startSection(ByteOrder newOrder) throws IOException {
        order = newOrder;
        interfaces = 0;
        begin(PcapngReader.SHB, 16);
        buf.putInt(PcapngReader.BYTE_ORDER_MAGIC).putShort((short) 1).putShort((short) 0).putLong(-1L);
        end();
    }

    /** Declares an interface with microsecond timestamps; returns its id. */
    public int addInterface(int linkType) throws IOException {
        return addInterface(linkType, 0, MICROS);
    }

    /**
     * Declares an interface; returns its id.
     * @param tsresol if_tsresol byte: 10^-n seconds, or 2^-(n &amp; 0x7f) seconds when the top bit is set
     */
    public int addInterface(int linkType, int snaplen, int tsresol) throws IOException {
        begin(PcapngReader.IDB, 20);
        buf.putShort((short) linkType).putShort((short) 0).putInt(snaplen);
        buf.putShort((short) 9).putShort((short) 1).put((byte) tsresol).put((byte) 0).putShort((short) 0);
        buf.putInt(0); // opt_endofopt
        end();
        if (interfaces == resolutions.length) {
            resolutions = Arrays.copyOf(resolutions, interfaces * 2);
        }
        resolutions[interfaces] = tsresol;
        return interfaces++;
    }

    public void writePacket(int interfaceId, long tsNanos, byte[] frame) throws IOException {
        writePacket(interfaceId, tsNanos, frame, 0, frame.length, frame.length);
    }

    public void writePacket(int interfaceId, long tsNanos, byte[] frame, int offset, int length, int originalLength)
            throws IOException {
        long units = toUnits(interfaceId, tsNanos);
        begin(PcapngReader.EPB, 20 + padded(length));
        buf.putInt(interfaceId).putInt((int) (units >>> 32)).putInt((int) units).putInt(length).putInt(originalLength);
        buf.put(frame, offset, length);
        pad(length);
        end();
    }

    /** A Simple Packet Block: no timestamp, always interface 0. */
    public void writeSimplePacket(byte[] frame) throws IOException {
        begin(PcapngReader.SPB, 4 + padded(frame.length));
        buf.putInt(frame.length).put(frame);
        pad(frame.length);
        end();
    }

    /** The obsolete Packet Block (type 2) that old writers produced. */
    public void writeObsoletePacket(int interfaceId, long tsNanos, byte[] frame) throws IOException {
        long units = toUnits(interfaceId, tsNanos);
        begin(PcapngReader.OBSOLETE_PACKET, 20 + padded(frame.length));
        buf.putShort((short) interfaceId).putShort((short) 0).putInt((int) (units >>> 32)).putInt((int) units)
                .putInt(frame.length).putInt(frame.length).put(frame);
        pad(frame.length);
        end();
    }

    /** Any other block, e.g. a custom or name-resolution block; the body is padded to 4 bytes. */
    public void writeBlock(int type, byte[] body) throws IOException {
        begin(type, padded(body.length));
        buf.put(body);
        pad(body.length);
        end();
    }

    private long toUnits(int interfaceId, long tsNanos) {
        if (interfaceId < 0 || interfaceId >= interfaces) {
            throw new IllegalArgumentException("interface " + interfaceId + " was not declared in this section");
        }
        int r = resolutions[interfaceId];
        int exp = r & 0x7f;
        if ((r & 0x80) != 0) {
            long seconds = tsNanos / 1_000_000_000L;
            long fraction = tsNanos % 1_000_000_000L;
            return seconds << exp | (fraction << exp) / 1_000_000_000L;
        }
        long units = tsNanos;
        for (int i = exp; i < 9; i++) {
            units /= 10;
        }
        for (int i = 9; i < exp; i++) {
            units *= 10;
        }
        return units;
    }

    private static int padded(int n) {
        return (n + 3) & ~3;
    }

    private void pad(int n) {
        for (int i = n; i < padded(n); i++) {
            buf.put((byte) 0);
        }
    }

    private void begin(int type, int bodyLength) {
        int total = 12 + bodyLength;
        if (buf.capacity() < total) {
            buf = ByteBuffer.allocate(Math.max(total, buf.capacity() * 2));
        }
        buf.clear();
        buf.order(order);
        buf.putInt(type).putInt(total);
    }

    private void end() throws IOException {
        buf.putInt(buf.position() + 4);
        out.write(buf.array(), 0, buf.position());
    }

    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
