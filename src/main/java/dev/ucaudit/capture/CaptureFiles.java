package dev.ucaudit.capture;

import java.nio.file.Path;

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

    public static PacketSource open(Path path, Reader reader) {
        return reader == Reader.LIBPCAP ? new Pcap4jFileSource(path) : new PcapFileSource(path);
    }
}
