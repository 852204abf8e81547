package dev.ucaudit.capture;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.zip.GZIPInputStream;

/**
 * Opens capture files.
 *
 * <p>{@link #open(Path)} always uses the pure-Java {@link PcapFileSource}: it reads everything
 * libpcap reads from a file (pcap in both byte orders and both resolutions, pcapng) and more
 * (gzip, pcapng with interfaces of different link types, files damaged in the middle, which it
 * reads past instead of stopping). There is no format libpcap reads from a file that the pure
 * reader does not, so {@link Pcap4jFileSource} is never chosen automatically; it is the reference
 * reader offered through {@link #open(Path, Reader)} for cross-checking and for users who want
 * libpcap's behaviour exactly. A file that is neither pcap nor pcapng is refused by both with a
 * message that says how to convert it.
 */
public final class CaptureFiles {
    /** Which reader to use. */
    public enum Reader {
        /** The built-in pure-Java reader (the default). */
        BUILT_IN,
        /** libpcap through pcap4j. */
        LIBPCAP
    }

    private CaptureFiles() {
    }

    /** The source for a file; messages name it as {@code path.toString()}, i.e. as the user gave it. */
    public static PacketSource open(Path path) {
        return open(path, Reader.BUILT_IN);
    }

    /**
     * Checks, before any packet is read, that a capture can be used at all: it exists, can be read, and
     * (for a regular file) starts like pcap or pcapng, plain or gzip-compressed. A pipe, FIFO or
     * {@code /dev/stdin} is only checked for readability: its bytes can be read only once, by the reader.
     * Throws with a one-line message naming the file and what to do.
     */
    public static void check(Path path) throws CaptureException {
        String name = path.toString();
        if (!Files.exists(path)) {
            throw PcapFileSource.missing(name);
        }
        if (Files.isDirectory(path)) {
            throw new CaptureException(name + " is a folder, not a capture file");
        }
        if (!Files.isReadable(path)) {
            throw new CaptureException(name + " cannot be read: permission denied");
        }
        if (!Files.isRegularFile(path)) {
            return;
        }
        try (InputStream raw = PcapFileSource.openBuffered(path, name)) {
            boolean gzip = PcapFileSource.startsWithGzipMagic(raw, name);
            byte[] head;
            try {
                head = (gzip ? new GZIPInputStream(raw) : raw).readNBytes(4);
            } catch (IOException e) {
                throw new CaptureException(name + (gzip ? " starts like a gzip file but cannot be decompressed ("
                        + e.getMessage() + "); decompress it with: gzip -dc " + name + " > OUT.pcap"
                        : " cannot be read: " + e.getMessage()), e);
            }
            if (head.length == 0) {
                throw new CaptureException(name + (gzip ? " decompresses to nothing" : " is empty"));
            }
            if (!PcapFileSource.isCaptureMagic(head)) {
                throw new CaptureException(name + " is not a pcap or pcapng file (starts with bytes "
                        + Bytes.hex(head, 0, head.length) + "); convert it with: editcap -F pcap " + name + " OUT.pcap");
            }
        } catch (IOException e) {
            throw new CaptureException(name + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * What identifies the file behind a path (device and inode where the system has them, else the real
     * path), so that the same capture given twice, under two names, is read once.
     */
    public static Object identity(Path path) {
        try {
            Object key = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
            return key != null ? key : path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    public static PacketSource open(Path path, Reader reader) {
        return reader == Reader.LIBPCAP ? new Pcap4jFileSource(path) : new PcapFileSource(path);
    }
}
