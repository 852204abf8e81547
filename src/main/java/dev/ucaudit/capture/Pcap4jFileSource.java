package dev.ucaudit.capture;

import dev.ucaudit.packet.CaptureProblem;
import dev.ucaudit.packet.CaptureProblem.Kind;
import dev.ucaudit.packet.PacketSink;
import dev.ucaudit.packet.RawPacket;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads a capture file through libpcap: the reference reader, used when asked for ({@code --reader libpcap}).
 * It calls libpcap's {@code pcap_next_ex} itself (the library pcap4j loads) instead of pcap4j's read
 * loop, because pcap4j turns a record's timestamp into a {@code java.sql.Timestamp}: seconds of 2^31
 * and later become negative, and a fraction of a second or more throws inside the callback, which
 * drops the packet silently. Here the seconds of a classic pcap record are read unsigned and a fraction
 * of a second or more is carried into the seconds, as the built-in reader does, each noted once.
 *
 * <p>libpcap reads pcap and pcapng but not gzip, and it needs a file it can open by name: a gzip file,
 * a pipe, a FIFO or {@code /dev/stdin} is opened once and fed (decompressed) into a named pipe that
 * libpcap reads as it goes ({@link GzipPipe}), never into a temporary file. Damaged gzip data ends the
 * stream with a read problem; the packets before it are read.
 */
public final class Pcap4jFileSource implements PacketSource {
    private static final int PRECISION_NANO = 1;
    private static final int ERRBUF_SIZE = 256;
    private static final long MAX_SECONDS = Long.MAX_VALUE / 1_000_000_000L - 1;

    /** The few libpcap calls the file reader needs. */
    interface Libpcap extends Library {
        Pointer pcap_open_offline_with_tstamp_precision(String fname, int precision, byte[] errbuf);

        int pcap_next_ex(Pointer p, PointerByReference header, PointerByReference data);

        int pcap_datalink(Pointer p);

        String pcap_geterr(Pointer p);

        void pcap_close(Pointer p);
    }

    private final Path path;
    private final String name;
    private volatile boolean stopped;

    public Pcap4jFileSource(Path path) {
        this(path, path.toString());
    }

    public Pcap4jFileSource(Path path, String name) {
        this.path = path;
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void run(PacketSink sink) throws CaptureException {
        stopped = false;
        InputStream raw = PcapFileSource.openBuffered(path, name);
        boolean gzip = PcapFileSource.startsWithGzipMagic(raw, name);
        try {
            if (!gzip && Files.isRegularFile(path)) {
                raw.close();
                read(path, isPcapng(path), sink, () -> { });
                return;
            }
            // not a BufferedInputStream: its read(byte[]) loops on and loses what it read when a damaged
            // gzip stream then throws; a pushback stream hands on every byte inflated before the damage
            PushbackInputStream in = new PushbackInputStream(gzip ? PcapFileSource.gunzip(raw, name) : raw, 4);
            boolean pcapng = startsWithPcapngMagic(in);
            try (GzipPipe pipe = new GzipPipe(in)) {
                read(pipe.path(), pcapng, sink, pipe::opened);
                pipe.awaitFeeder();
                IOException failure = stopped ? null : pipe.failure();
                if (failure instanceof EOFException) {
                    sink.problem(new CaptureProblem(name, 0, Kind.TRUNCATED, "the gzip stream is cut short after byte "
                            + pipe.copied() + " of the decompressed data; reading stopped there", true));
                } else if (failure != null) {
                    sink.problem(new CaptureProblem(name, 0, Kind.IO_ERROR, "the " + (gzip ? "gzip data" : "stream")
                            + " is corrupt after byte " + pipe.copied() + " of the decompressed stream ("
                            + failure.getMessage() + "); reading stopped there", true));
                }
            }
        } catch (IOException e) {
            throw new CaptureException(name + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static boolean startsWithPcapngMagic(PushbackInputStream in) throws IOException {
        byte[] b = in.readNBytes(4);
        in.unread(b);
        return b.length == 4 && Bytes.i32(b, 0, true) == PcapngReader.SHB;
    }

    private static Libpcap libpcap() throws CaptureException {
        String lib = System.getProperty("org.pcap4j.core.pcapLibName", Platform.isWindows() ? "wpcap" : "pcap");
        try {
            return Native.load(lib, Libpcap.class);
        } catch (UnsatisfiedLinkError e) {
            throw new CaptureException("--reader libpcap needs libpcap, which could not be loaded: " + e.getMessage()
                    + " (install it: apt-get install libpcap0.8)", null);
        }
    }

    /** @param opened called once libpcap has opened {@code file} */
    private void read(Path file, boolean pcapng, PacketSink sink, Runnable opened) throws CaptureException {
        Libpcap pcap = libpcap();
        byte[] errbuf = new byte[ERRBUF_SIZE];
        Pointer h = pcap.pcap_open_offline_with_tstamp_precision(file.toString(), PRECISION_NANO, errbuf);
        opened.run();
        if (h == null) {
            throw new CaptureException(name + " cannot be read by libpcap: " + Native.toString(errbuf)
                    + "; if it is a capture in another format, convert it with: editcap -F pcap " + name + " OUT.pcap", null);
        }
        try {
            int linkType = pcap.pcap_datalink(h);
            RawPacket packet = new RawPacket();
            PointerByReference header = new PointerByReference();
            PointerByReference data = new PointerByReference();
            Set<String> noted = new HashSet<>();
            int longSize = Native.LONG_SIZE;
            long number = 0;
            while (!stopped) {
                int r = pcap.pcap_next_ex(h, header, data);
                if (r == -2) {
                    return;
                }
                if (r != 1) {
                    sink.problem(new CaptureProblem(name, number + 1, Kind.LIBPCAP_ERROR, "libpcap stopped reading: "
                            + pcap.pcap_geterr(h) + "; the packets before it were read (to keep what follows, repair the"
                            + " file with: editcap -F pcap " + name + " OUT.pcap, or read it with the built-in reader)", true));
                    return;
                }
                number++;
                Pointer hdr = header.getValue();
                long seconds = longSize == 8 ? hdr.getLong(0) : hdr.getInt(0);
                long fraction = longSize == 8 ? hdr.getLong(8) : hdr.getInt(4) & 0xffffffffL;
                int caplen = hdr.getInt(2L * longSize);
                int origlen = hdr.getInt(2L * longSize + 4);
                if (!pcapng) {
                    seconds &= 0xffffffffL; // libpcap reads the 32-bit seconds of a pcap record signed
                } else if (seconds < 0 || seconds > MAX_SECONDS) {
                    note(sink, noted, "wrap", "record " + number + " (and maybe others) has a timestamp beyond the year"
                            + " 2262, which cannot be represented; its time is wrong in the report");
                }
                if (fraction >= 1_000_000_000L) {
                    note(sink, noted, "fraction", "record " + number + " (and maybe others) has a timestamp fraction of"
                            + " a second or more; the excess is carried into the seconds");
                }
                long nanos = seconds * 1_000_000_000L + fraction;
                byte[] bytes = data.getValue().getByteArray(0, caplen);
                sink.packet(packet.set(name, number, nanos, linkType, bytes, 0, caplen,
                        (int) Math.min(Math.max(caplen, origlen & 0xffffffffL), Integer.MAX_VALUE)));
            }
        } finally {
            pcap.pcap_close(h);
        }
    }

    private void note(PacketSink sink, Set<String> noted, String what, String message) {
        if (noted.add(what)) {
            sink.problem(CaptureProblem.note(name, message));
        }
    }

    private static boolean isPcapng(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] b = in.readNBytes(4);
            return b.length == 4 && Bytes.i32(b, 0, true) == PcapngReader.SHB;
        }
    }

    @Override
    public void stop() {
        stopped = true;
    }

    @Override
    public void close() {
        stop();
    }
}
