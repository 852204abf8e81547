package dev.ucaudit.capture;

import java.io.IOException;
import java.io.InputStream;

/**
 * A window over a capture stream: one large reused buffer that readers look into directly
 * ({@link #buffer()} from {@link #position()}), refilled and compacted as they advance. A packet
 * is handed on as a view into this buffer, so reading allocates nothing per packet. The buffer
 * grows only when a single record is larger than it.
 */
final class CaptureInput implements AutoCloseable {
    static final int DEFAULT_SIZE = 1 << 20;

    private final InputStream in;
    private byte[] buf;
    private int pos;
    private int limit;
    private long consumedBefore;
    private boolean eof;
    /** Bytes copied inside the buffer (compaction and growth): linear in the stream when reads are. */
    private long movedBytes;

    CaptureInput(InputStream in, int size) {
        this.in = in;
        this.buf = new byte[size];
    }

    CaptureInput(InputStream in) {
        this(in, DEFAULT_SIZE);
    }

    byte[] buffer() {
        return buf;
    }

    /** Index in {@link #buffer()} of the next unread byte. */
    int position() {
        return pos;
    }

    /** Offset of the next unread byte from the start of the (decompressed) stream. */
    long streamOffset() {
        return consumedBefore + pos;
    }

    /** Bytes available from the position without reading more. */
    int buffered() {
        return limit - pos;
    }

    /**
     * Makes {@code n} bytes available from the position, reading and growing as needed.
     * @return false when the stream ends first (then {@link #buffered()} says how many there are)
     */
    boolean ensure(int n) throws IOException {
        if (limit - pos >= n) {
            return true;
        }
        if (eof) {
            return false; // nothing more will come: no compaction or growth (a resync asks at every byte)
        }
        if (n > buf.length / 2) {
            // at least twice the largest request, so that compaction copies at most n bytes per n consumed:
            // a resynchronisation asking for a 16 MiB block at every byte offset stays linear
            byte[] bigger = new byte[Math.max(2 * n, buf.length)];
            movedBytes += limit - pos;
            System.arraycopy(buf, pos, bigger, 0, limit - pos);
            consumedBefore += pos;
            limit -= pos;
            pos = 0;
            buf = bigger;
        } else if (buf.length - pos < n) {
            movedBytes += limit - pos;
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            consumedBefore += pos;
            limit -= pos;
            pos = 0;
        }
        while (limit - pos < n && !eof) {
            int r = in.read(buf, limit, buf.length - limit);
            if (r < 0) {
                eof = true;
            } else {
                limit += r;
            }
        }
        return limit - pos >= n;
    }

    /** Bytes copied within the buffer so far. */
    long movedBytes() {
        return movedBytes;
    }

    /** True when nothing is left to read. */
    boolean atEnd() throws IOException {
        return !ensure(1);
    }

    /** Moves the position forward; the caller has ensured the bytes. */
    void advance(int n) {
        pos += n;
    }

    /** Skips {@code n} bytes that may not be buffered; returns how many were skipped. */
    long skip(long n) throws IOException {
        long done = 0;
        while (done < n) {
            if (limit == pos && !ensure(1)) {
                break;
            }
            int step = (int) Math.min(n - done, limit - pos);
            pos += step;
            done += step;
        }
        return done;
    }

    /** Skips to the end of the stream; returns how many bytes were skipped. */
    long skipToEnd() throws IOException {
        return skip(Long.MAX_VALUE);
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing left to do with a stream we were only reading
        }
    }
}
