package dev.ucaudit.inspect.h323;

import dev.ucaudit.catalog.AppProtocol;
import dev.ucaudit.catalog.IpProtocol;
import dev.ucaudit.inspect.Channel;
import dev.ucaudit.inspect.Direction;
import dev.ucaudit.inspect.Expectation;
import dev.ucaudit.inspect.Framer;
import dev.ucaudit.inspect.InspectionContext;
import dev.ucaudit.inspect.MessageInspector;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * H.245 over TPKT on the port an H.225 h245Address named. Recognises OpenLogicalChannel
 * (MultimediaSystemControlMessage request, RequestMessage index 3: first octet 0x03) and
 * OpenLogicalChannelAck (response, ResponseMessage index 5: octets 0x22, 0b1xxxxxxx) and takes
 * their media addresses with {@link MediaAddressScanner#scanValidated} (endpoint addresses or port pairs). Registered as "h245"; its expectations
 * are reported under inspector "h225".
 */
public final class H245Inspector extends MessageInspector {
    public static final String NAME = AppProtocol.H245.token();


    public H245Inspector() {
        super(AppProtocol.H245);
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
        if (n < 2) {
            malformed(ctx, "empty message");
            return;
        }
        String what;
        if (buf[p] == 0x03) {
            what = "OpenLogicalChannel";
        } else if (buf[p] == 0x22 && (buf[p + 1] & 0x80) != 0) {
            what = "OpenLogicalChannelAck";
        } else {
            ctx.message("other");
            return;
        }
        ctx.message(what);
        String where = "H.245 " + what + " on " + ctx.responder().getHostAddress() + ":" + ctx.responderPort();
        for (Expectation e : mediaExpectations(MediaAddressScanner.scanValidated(buf, p, n,
                List.of(ctx.initiator(), ctx.responder()), ctx.initiatorPort(), ctx.responderPort()), H225Inspector.NAME, where)) {
            ctx.expect(e);
        }
    }

    /**
     * rtp/rtcp expectations for scanned addresses: an even port is RTP (mediaChannel), an odd
     * port RTCP (mediaControlChannel), following the RTP/RTCP port-pair convention.
     */
    static List<Expectation> mediaExpectations(List<MediaAddressScanner.Found> found, String inspector, String where) {
        List<Expectation> out = new ArrayList<>();
        for (MediaAddressScanner.Found f : found) {
            Channel kind = f.port() % 2 == 0 ? Channel.RTP : Channel.RTCP;
            String label = kind == Channel.RTP ? "RTP" : "RTCP";
            out.add(new Expectation(f.address(), f.port(), IpProtocol.UDP, inspector, kind, label + " of " + where, null));
        }
        return out;
    }
}
