package dev.ucaudit.synth;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Damaged and hostile capture files for the flood runs (scripts/floods) and the fuzzer: pcapng
 * whose damaged block is followed by bytes that look like 16 MiB block headers, pcapng declaring
 * millions of interfaces, and a gzip bomb. Written block by block, in constant memory.
 */
public final class HostileFiles {
    private static final int MAX_BLOCK = 16 << 20;
    private static final long T0_MICROS = 1_793_613_600_000_000L; // 2026-11-02T10:00:00Z

    private HostileFiles() {
    }

    /** A little-endian section header with no options. */
    static byte[] sectionHeader() {
        return ByteBuffer.allocate(28).order(ByteOrder.LITTLE_ENDIAN).putInt(0x0A0D0D0A).putInt(28).putInt(0x1A2B3C4D)
                .putShort((short) 1).putShort((short) 0).putLong(-1L).putInt(28).array();
    }

    /** An Ethernet interface description (microsecond timestamps, no options). */
    static byte[] interfaceDescription() {
        return ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN).putInt(1).putInt(20).putShort((short) 1)
                .putShort((short) 0).putInt(0).putInt(20).array();
    }

    /** An enhanced packet block on interface 0 holding a 60-byte frame. */
    static byte[] packet(int n) {
        ByteBuffer b = ByteBuffer.allocate(32 + 60 + 4).order(ByteOrder.LITTLE_ENDIAN);
        long t = T0_MICROS + n * 1000L;
        b.putInt(6).putInt(96).putInt(0).putInt((int) (t >>> 32)).putInt((int) t).putInt(60).putInt(60);
        for (int i = 0; i < 60; i++) {
            b.put((byte) (i < 12 ? 0x02 : n + i));
        }
        return b.putInt(96).array();
    }

    /**
     * One good packet, one block with an impossible length, then {@code junkBytes} of 8-byte
     * "enhanced packet block of 16 MiB" headers, then one good packet.
     */
    public static long pcapngFakeHeaders(Path file, long junkBytes) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(sectionHeader());
            out.write(interfaceDescription());
            out.write(packet(1));
            out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(6).putInt(13).array());
            byte[] fake = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(6).putInt(MAX_BLOCK).array();
            for (long i = 0; i < junkBytes / 8; i++) {
                out.write(fake);
            }
            out.write(packet(2));
        }
        return Files.size(file);
    }

    /** A gzip-compressed pcapng whose one section declares {@code interfaces} interfaces, then one packet. */
    public static long pcapngManyInterfaces(Path gz, long interfaces) throws IOException {
        try (OutputStream out = new BufferedOutputStream(new GZIPOutputStream(Files.newOutputStream(gz), 1 << 16), 1 << 16)) {
            out.write(sectionHeader());
            byte[] idb = interfaceDescription();
            for (long i = 0; i < interfaces; i++) {
                out.write(idb);
            }
            out.write(packet(1));
        }
        return Files.size(gz);
    }

    /** A gzip-compressed pcap: a header, one packet, then {@code zeroBytes} of zeros (empty records). */
    public static long gzipBomb(Path gz, long zeroBytes) throws IOException {
        try (OutputStream out = new BufferedOutputStream(new GZIPOutputStream(Files.newOutputStream(gz), 1 << 16), 1 << 16)) {
            out.write(ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN).putInt(0xa1b2c3d4).putShort((short) 2)
                    .putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1).array());
            byte[] zeros = new byte[1 << 16];
            for (long done = 0; done < zeroBytes; done += zeros.length) {
                out.write(zeros, 0, (int) Math.min(zeros.length, zeroBytes - done));
            }
        }
        return Files.size(gz);
    }
}
