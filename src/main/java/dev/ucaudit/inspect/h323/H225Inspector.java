package dev.ucaudit.inspect.h323;

import dev.ucaudit.catalog.AppProtocol;
import java.util.List;
import java.util.function.Supplier;
import dev.ucaudit.catalog.IpProtocol;
import dev.ucaudit.inspect.Channel;
import dev.ucaudit.inspect.Detection;
import dev.ucaudit.inspect.Direction;
import dev.ucaudit.inspect.Expectation;
import dev.ucaudit.inspect.Framer;
import dev.ucaudit.inspect.InspectionContext;
import dev.ucaudit.inspect.MessageInspector;

/**
 * H.225.0 call signalling over TCP 1720: TPKT, Q.931, User-user IE, H323-UserInformation. The
 * h245Address gives an "h245" TCP expectation; fastStart media addresses (heuristic, see
 * {@link MediaAddressScanner}) give rtp/rtcp expectations. Reasons name the call identifier GUID
 * when found, else the Q.931 call reference.
 */
public final class H225Inspector extends MessageInspector {
    public static final String NAME = AppProtocol.H225.token();

    private String callId;

    public H225Inspector() {
        super(AppProtocol.H225);
    }

    @Override
    protected Supplier<Framer> framer(InspectionContext ctx) {
        return TpktFramer::new;
    }

    /** One TPKT packet. */
    @Override
    protected void onMessage(InspectionContext ctx, Direction dir, byte[] buf, int off, int len) {
        int p = off + TpktFramer.HEADER;
        int n = len - TpktFramer.HEADER;
        Q931.Message q = Q931.parse(buf, p, n);
        if (q.detection() != Detection.DETECTED) {
            malformed(ctx, q.problem() != null ? q.problem() : "truncated Q.931");
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
            malformed(ctx, "User-user protocol discriminator " + (buf[q.uuOffset() - 1] & 0xff));
            return;
        }
        H225Info info = H225Decoder.decode(buf, q.uuOffset(), q.uuLength(),
                List.of(ctx.initiator(), ctx.responder()), ctx.initiatorPort(), ctx.responderPort());
        if (info == null) {
            malformed(ctx, "undecodable H323-UserInformation");
            return;
        }
        if (info.callId() != null) {
            callId = info.callId();
        }
        String call = callId != null ? "H.225 call id " + callId : "H.225 call reference " + q.callReference();
        if (info.h245Address() != null && info.h245Port() > 0) {
            ctx.expect(new Expectation(info.h245Address(), info.h245Port(), IpProtocol.TCP, NAME, Channel.of(AppProtocol.H245),
                    "H.245 of " + call + " (h245Address in " + info.body() + ")", null));
        }
        for (Expectation e : H245Inspector.mediaExpectations(info.media(), NAME,
                call + " (fastStart in " + info.body() + ", heuristic)")) {
            ctx.expect(e);
        }
    }
}
