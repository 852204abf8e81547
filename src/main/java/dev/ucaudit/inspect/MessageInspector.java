package dev.ucaudit.inspect;

import dev.ucaudit.catalog.AppProtocol;
import dev.ucaudit.inspect.stream.FramedStream;
import dev.ucaudit.inspect.stream.StreamReassembler;
import java.util.function.Supplier;

/**
 * The part every signalling inspector shares, as Netty's {@code ByteToMessageDecoder} owns the buffering
 * and its subclasses only decode: the bounds check of a payload, the pair of framed streams (one per
 * direction, made on a stream flow's first segment with the run's reassembly budget) and the error prefix
 * ({@code "sip: "}). A subclass reads whole messages ({@link #onMessage}) and, when it also reads
 * datagrams, says so ({@link #framer} null) and takes them in {@link #onDatagram}.
 */
public abstract class MessageInspector implements Inspector {
    private final String prefix;
    /** Made on the first segment: a flow read as datagrams carries no reassembly buffers. */
    private FramedStream[] streams;

    protected MessageInspector(AppProtocol protocol) {
        this.prefix = protocol.token() + ": ";
    }

    @Override
    public final void onPayload(InspectionContext ctx, Direction dir, byte[] buf, int off, int len, long tcpSeq, int tcpFlags) {
        if (buf == null || off < 0 || len <= 0 || len > buf.length - off) {
            return;
        }
        Supplier<Framer> framer = framer(ctx);
        if (framer == null) {
            onDatagram(ctx, dir, buf, off, len);
            return;
        }
        if (streams == null) {
            streams = FramedStream.pair(framer, streamLimit(), ctx.buffers());
        }
        streams[dir.index()].append(buf, off, len, tcpSeq, tcpFlags, (b, o, l) -> onMessage(ctx, dir, b, o, l),
                detail -> malformed(ctx, detail));
    }

    /** The framers of this flow's byte streams, or null when its payloads are datagrams (the default). */
    protected Supplier<Framer> framer(InspectionContext ctx) {
        return null;
    }

    /** What one direction's stream buffer may hold: the longest message the framer accepts. */
    protected int streamLimit() {
        return StreamReassembler.DEFAULT_LIMIT;
    }

    /** One datagram (a flow without a {@link #framer}): by default one message. */
    protected void onDatagram(InspectionContext ctx, Direction dir, byte[] buf, int off, int len) {
        onMessage(ctx, dir, buf, off, len);
    }

    /** One whole message {@code buf[off, off+len)}, never kept by reference. */
    protected abstract void onMessage(InspectionContext ctx, Direction dir, byte[] buf, int off, int len);

    /** Counts a malformed message, its detail prefixed with the protocol's token. */
    protected final void malformed(InspectionContext ctx, String detail) {
        ctx.malformed(prefix + detail);
    }
}
