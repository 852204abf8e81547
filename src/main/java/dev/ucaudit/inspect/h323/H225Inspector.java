package dev.ucaudit.inspect.h323;

import dev.ucaudit.catalog.AppProtocol;
import java.util.List;
import dev.ucaudit.catalog.IpProtocol;
import dev.ucaudit.inspect.Detection;
import dev.ucaudit.inspect.Direction;
import dev.ucaudit.inspect.Expectation;
import dev.ucaudit.inspect.InspectionContext;
import dev.ucaudit.inspect.Inspector;
import dev.ucaudit.inspect.stream.FramedStream;
import dev.ucaudit.inspect.stream.StreamReassembler;

/**
 * H.225.0 call signalling over TCP 1720: TPKT, Q.931, User-user IE, H323-UserInformation. The
 * h245Address gives an "h245" TCP expectation; fastStart media addresses (heuristic, see
 * {@link MediaAddressScanner}) give rtp/rtcp expectations. Reasons name the call identifier GUID
 * when found, else the Q.931 call reference.
 */
public final class H225Inspector implements Inspector {
    public static final String NAME = AppProtocol.H225.token();

    /** Made on the first segment, with the run's reassembly budget. */
    private FramedStream[] streams;
    private String callId;

    @Override
    public void onPayload(InspectionContext ctx, Direction dir, byte[] buf, int off, int len, long tcpSeq, int tcpFlags) {
        if (buf == null || off < 0 || len <= 0 || len > buf.length - off) {
            return;
        }
        if (streams == null) {
            streams = FramedStream.pair(TpktFramer::new, StreamReassembler.DEFAULT_LIMIT, ctx.buffers());
        }
        streams[dir.index()].append(buf, off, len, tcpSeq, tcpFlags, (b, o, l) -> onTpkt(ctx, b, o, l),
                d -> ctx.malformed("h225: " + d));
    }

    private void onTpkt(InspectionContext ctx, byte[] buf, int off, int len) {
        int p = off + TpktFramer.HEADER;
        int n = len - TpktFramer.HEADER;
        Q931.Message q = Q931.parse(buf, p, n);
        if (q.detection() != Detection.DETECTED) {
            ctx.malformed("h225: " + (q.problem() != null ? q.problem() : "truncated Q.931"));
            return;
        }
        ctx.message("q931 0x" + Integer.toHexString(q.messageType()));
        if (q.messageType() == Q931.SETUP) {
            ctx.call();
        }
        if (q.uuOffset() < 0) {
            return;
        }
        if (buf[q.uuOffset() - 1] != 0x05) {
            ctx.malformed("h225: User-user protocol discriminator " + (buf[q.uuOffset() - 1] & 0xff));
            return;
        }
        H225Info info = H225Decoder.decode(buf, q.uuOffset(), q.uuLength(),
                List.of(ctx.initiator(), ctx.responder()), ctx.initiatorPort(), ctx.responderPort());
        if (info == null) {
            ctx.malformed("h225: undecodable H323-UserInformation");
            return;
        }
        if (info.callId() != null) {
            callId = info.callId();
        }
        String call = callId != null ? "H.225 call id " + callId : "H.225 call reference " + q.callReference();
        if (info.h245Address() != null && info.h245Port() > 0) {
            ctx.expect(new Expectation(info.h245Address(), info.h245Port(), IpProtocol.TCP, NAME, "h245",
                    "H.245 of " + call + " (h245Address in " + info.body() + ")", null));
        }
        for (Expectation e : H245Inspector.mediaExpectations(info.media(), NAME,
                call + " (fastStart in " + info.body() + ", heuristic)")) {
            ctx.expect(e);
        }
    }
}
