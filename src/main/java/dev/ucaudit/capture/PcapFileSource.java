package dev.ucaudit.capture;

import java.io.EOFException;
import java.io.FileInputStream;
import dev.ucaudit.packet.CaptureProblem;
import dev.ucaudit.packet.CaptureProblem.Kind;
import dev.ucaudit.packet.PacketSink;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Pure-Java reader of classic pcap (µs and ns, both byte orders) and pcapng files, plain or
 * gzip-compressed. Packets are handed on as views into one reused read buffer. Damage inside the
 * file is reported to the sink as {@link CaptureProblem}s and reading goes on; only a file that is
 * missing, empty or not a capture at all throws.
 */
public final class PcapFileSource implements PacketSource {
    static final int MAGIC_USEC = 0xA1B2C3D4;
    static final int MAGIC_NSEC = 0xA1B23C4D;
    private static final int GZIP_BUFFER = 1 << 16;

    private final Path path;
    private final String name;
    private final AtomicBoolean stopped = new AtomicBoolean();
    /** An already open stream (standard input) read instead of {@link #path}; null for a file. */
    private final InputStream stream;
    private volatile CountingInputStream counted;

    public PcapFileSource(Path path) {
        this(path, path.toString());
    }

    /** @param name how messages name the file: the path as the user gave it */
    public PcapFileSource(Path path, String name) {
        this.path = path;
        this.name = name;
        this.stream = null;
    }

    private PcapFileSource(InputStream stream, String name) {
        this.path = null;
        this.name = name;
        this.stream = stream;
    }

    /** Reads an open stream such as standard input, once; gzip is recognized from its first two bytes. */
    public static PcapFileSource ofStream(InputStream stream, String name) {
        return new PcapFileSource(stream, name);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void run(PacketSink sink) throws CaptureException {
        stopped.set(false);
        // The source is opened exactly once (a pipe, FIFO or /dev/stdin cannot be read twice): the gzip
        // magic is peeked through a mark on the buffered stream, not read by a second opening.
        CountingInputStream counting = new CountingInputStream(stream != null ? stream : openRaw(path, name));
        counted = counting;
        InputStream raw = new BufferedInputStream(counting, GZIP_BUFFER);
        boolean gzip = startsWithGzipMagic(raw, name);
        try (CaptureInput in = new CaptureInput(gzip ? gunzip(raw, name) : raw)) {
            try {
                readFormat(in, sink, gzip);
            } catch (ZipException e) {
                sink.problem(new CaptureProblem(name, 0, Kind.IO_ERROR, "the gzip data is corrupt after byte "
                        + in.streamOffset() + " of the decompressed stream (" + e.getMessage()
                        + "); reading stopped there", true));
            } catch (EOFException e) {
                sink.problem(new CaptureProblem(name, 0, Kind.TRUNCATED, "the gzip stream is cut short after byte "
                        + in.streamOffset() + " of the decompressed data; reading stopped there", true));
            } catch (IOException e) {
                sink.problem(new CaptureProblem(name, 0, Kind.IO_ERROR, "reading failed after byte "
                        + in.streamOffset() + ": " + e.getMessage(), true));
            }
        }
    }

    private void readFormat(CaptureInput in, PacketSink sink, boolean gzip) throws IOException, CaptureException {
        if (!in.ensure(4)) {
            if (in.buffered() == 0) {
                throw new CaptureException(name + (gzip ? " decompresses to nothing" : " is empty"));
            }
            throw notACapture(in);
        }
        byte[] b = in.buffer();
        int p = in.position();
        int magic = Bytes.i32(b, p, true);
        if (magic == PcapngReader.SHB) {
            new PcapngReader(name, stopped).read(in, sink);
            return;
        }
        boolean bigEndian;
        boolean nanos;
        if (magic == MAGIC_USEC || magic == MAGIC_NSEC) {
            bigEndian = true;
            nanos = magic == MAGIC_NSEC;
        } else if (Integer.reverseBytes(magic) == MAGIC_USEC || Integer.reverseBytes(magic) == MAGIC_NSEC) {
            bigEndian = false;
            nanos = Integer.reverseBytes(magic) == MAGIC_NSEC;
        } else {
            throw notACapture(in);
        }
        if (!in.ensure(PcapRecordReader.HEADER_LENGTH)) {
            throw new CaptureException(name + " is cut short inside its pcap file header: "
                    + in.buffered() + " of " + PcapRecordReader.HEADER_LENGTH + " bytes");
        }
        b = in.buffer();
        p = in.position();
        int major = Bytes.u16(b, p + 4, bigEndian);
        int minor = Bytes.u16(b, p + 6, bigEndian);
        long snaplen = Bytes.u32(b, p + 16, bigEndian);
        int linkType = PcapRecordReader.linkTypeOf(Bytes.u32(b, p + 20, bigEndian));
        PcapRecordReader.LengthOrder order = PcapRecordReader.LengthOrder.of(major, minor);
        if (major != 2 && major != 543) {
            sink.problem(new CaptureProblem(name, 0, Kind.BAD_HEADER, "the pcap header says version " + major + "."
                    + minor + "; reading it as version 2.4", false));
        } else if (order != PcapRecordReader.LengthOrder.CURRENT) {
            sink.problem(CaptureProblem.note(name, "the pcap header says version " + major + "." + minor
                    + ", written before 2.4: record lengths are read as libpcap reads them (captured and original length "
                    + (order == PcapRecordReader.LengthOrder.SWAPPED ? "swapped" : "swapped where the captured one is the larger") + ")"));
        }
        in.advance(PcapRecordReader.HEADER_LENGTH);
        new PcapRecordReader(name, bigEndian, nanos, linkType, snaplen, order, stopped).read(in, sink);
    }

    /** True when the first four bytes are a pcap (either resolution, either byte order) or pcapng magic. */
    static boolean isCaptureMagic(byte[] head) {
        if (head.length < 4) {
            return false;
        }
        int magic = Bytes.i32(head, 0, true);
        int reversed = Integer.reverseBytes(magic);
        return magic == PcapngReader.SHB || magic == MAGIC_USEC || magic == MAGIC_NSEC
                || reversed == MAGIC_USEC || reversed == MAGIC_NSEC;
    }

    private CaptureException notACapture(CaptureInput in) {
        int n = Math.min(4, in.buffered());
        return new CaptureException(name + " is not a pcap or pcapng file (starts with bytes "
                + Bytes.hex(in.buffer(), in.position(), n) + "); convert it with: editcap -F pcap "
                + name + " OUT.pcap");
    }

    /** The gzip header is read here, so that a damaged one is an unusable input, not a read problem. */
    static InputStream gunzip(InputStream raw, String name) throws CaptureException {
        try {
            return new GZIPInputStream(raw, GZIP_BUFFER);
        } catch (IOException e) {
            try {
                raw.close();
            } catch (IOException ignored) {
                // already failing
            }
            throw new CaptureException(name + " starts like a gzip file but its gzip header is damaged ("
                    + e.getMessage() + "); decompress it with: gzip -dc " + name + " > OUT.pcap", e);
        }
    }

    /** Opens the file once, buffered so that its first bytes can be peeked with mark/reset. */
    static InputStream openBuffered(Path path, String name) throws CaptureException {
        return new BufferedInputStream(openRaw(path, name), GZIP_BUFFER);
    }

    /** True when the stream starts with the gzip magic 1f 8b; the stream is reset to its start. */
    static boolean startsWithGzipMagic(InputStream in, String name) throws CaptureException {
        try {
            in.mark(2);
            boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
            in.reset();
            return gzip;
        } catch (IOException e) {
            try {
                in.close();
            } catch (IOException ignored) {
                // already failing
            }
            throw new CaptureException(name + " cannot be read: " + e.getMessage(), e);
        }
    }

    static InputStream openRaw(Path path, String name) throws CaptureException {
        if (Files.isDirectory(path)) {
            throw new CaptureException(name + " is a folder, not a capture file");
        }
        try {
            if (Files.exists(path) && !Files.isRegularFile(path)) {
                // a pipe, FIFO or /dev/stdin: a FileInputStream reads it without ever asking for a position
                return new FileInputStream(path.toFile());
            }
            return Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            throw missing(name);
        } catch (AccessDeniedException e) {
            throw new CaptureException(name + " cannot be read: permission denied");
        } catch (IOException e) {
            throw new CaptureException(name + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** A capture file that is not there: its name is not UTF-8 (Java shows such bytes as U+FFFD), or it does not exist. */
    static CaptureException missing(String name) {
        return new CaptureException(name + (name.indexOf('\uFFFD') >= 0
                ? " cannot be opened: its name holds bytes that are not UTF-8 (shown as \uFFFD); rename the file using UTF-8 characters only"
                : " does not exist"));
    }

    @Override
    public long bytesRead() {
        CountingInputStream c = counted;
        return c == null ? 0 : c.count();
    }

    @Override
    public void stop() {
        stopped.set(true);
    }

    @Override
    public void close() {
        stop();
    }
}
