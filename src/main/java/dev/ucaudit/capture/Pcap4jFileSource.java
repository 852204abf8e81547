package dev.ucaudit.capture;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Timestamp;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.Pcaps;
import org.pcap4j.core.RawPacketListener;

/**
 * Reads a capture file through libpcap (pcap4j): the reference reader, used when asked for.
 * libpcap reads pcap and pcapng but not gzip, so a gzip file is decompressed into a named pipe that
 * libpcap reads as it goes ({@link GzipPipe}): never into a temporary file. libpcap stops at the first damaged record and cannot read a pcapng file whose interfaces
 * have different link types; {@link PcapFileSource} does both.
 */
public final class Pcap4jFileSource implements PacketSource {
    private final Path path;
    private final String name;
    private volatile PcapHandle handle;
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
        try {
            PcapFileSource.openRaw(path, name).close();
            if (!PcapFileSource.isGzip(path, name)) {
                read(path, sink, () -> { });
                return;
            }
            try (GzipPipe pipe = new GzipPipe(path)) {
                read(pipe.path(), sink, pipe::opened);
                pipe.awaitFeeder();
                if (pipe.failure() != null && !stopped) {
                    sink.problem(new CaptureProblem(name, 0, "gzip-error", "gzip decompression failed ("
                            + pipe.failure().getMessage() + "); the packets before it were read", true));
                }
            }
        } catch (IOException e) {
            throw new CaptureException(name + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** @param opened called once libpcap has opened {@code file} */
    private void read(Path file, PacketSink sink, Runnable opened) throws CaptureException {
        PcapHandle h;
        try {
            h = Pcaps.openOffline(file.toString(), PcapHandle.TimestampPrecision.NANO);
            opened.run();
        } catch (PcapNativeException e) {
            throw new CaptureException(name + " cannot be read by libpcap: " + e.getMessage()
                    + "; if it is a capture in another format, convert it with: editcap -F pcap " + name + " OUT.pcap", e);
        }
        handle = h;
        try {
            int linkType = h.getDlt().value();
            RawPacket packet = new RawPacket();
            long[] number = {0};
            RawPacketListener listener = bytes -> {
                number[0]++;
                Timestamp ts = h.getTimestamp();
                long nanos = Math.floorDiv(ts.getTime(), 1000L) * 1_000_000_000L + ts.getNanos();
                Integer original = h.getOriginalLength();
                sink.packet(packet.set(name, number[0], nanos, linkType, bytes, 0, bytes.length,
                        original == null ? bytes.length : original));
            };
            if (!stopped) {
                h.loop(-1, listener);
            }
        } catch (InterruptedException e) {
            // breakLoop() from stop(): a normal end
        } catch (PcapNativeException e) {
            sink.problem(new CaptureProblem(name, 0, "libpcap-error", "libpcap stopped reading: " + e.getMessage()
                    + "; the packets before it were read (to keep what follows, repair the file with: editcap -F pcap "
                    + name + " OUT.pcap, or read it with the built-in reader)", true));
        } catch (NotOpenException e) {
            sink.problem(new CaptureProblem(name, 0, "libpcap-error", "the libpcap handle was closed", true));
        } finally {
            handle = null;
            h.close();
        }
    }

    @Override
    public void stop() {
        stopped = true;
        PcapHandle h = handle;
        if (h != null) {
            try {
                h.breakLoop();
            } catch (NotOpenException ignored) {
                // already finished
            }
        }
    }

    @Override
    public void close() {
        stop();
    }
}
