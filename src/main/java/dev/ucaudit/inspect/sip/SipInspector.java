package dev.ucaudit.inspect.sip;

import dev.ucaudit.catalog.AppProtocol;
import dev.ucaudit.catalog.IpProtocol;
import dev.ucaudit.inspect.Direction;
import dev.ucaudit.inspect.Expectation;
import dev.ucaudit.inspect.Frame;
import dev.ucaudit.inspect.Framer;
import dev.ucaudit.inspect.InspectionContext;
import dev.ucaudit.inspect.MessageInspector;
import dev.ucaudit.inspect.ShortText;
import dev.ucaudit.inspect.sdp.SdpDescription;
import dev.ucaudit.inspect.sdp.SdpExpectations;
import dev.ucaudit.inspect.sdp.SdpParser;
import dev.ucaudit.inspect.stream.StreamReassembler;
import java.util.function.Supplier;

/**
 * SIP over UDP (one message per datagram) or TCP (Content-Length framing over a reassembled
 * stream, several messages per segment and messages across segments). Every SDP body (INVITE,
 * 18x, 200, ACK, UPDATE, PRACK, re-INVITE; also inside multipart bodies) gives RTP and RTCP
 * expectations for each enabled media line, named by Call-ID.
 */
public final class SipInspector extends MessageInspector {
    public static final String NAME = AppProtocol.SIP.token();

    private final int maxBody;
    private final SipFramer datagramFramer;
    private String lastCallId;
    private String lastCallName;
    /** The Call-ID of the latest INVITE counted as a call: its retransmissions and re-INVITEs are not new calls. */
    private String lastInvitedCallId;

    public SipInspector() {
        this(SipFramer.DEFAULT_MAX_BODY);
    }

    /** @param maxBody largest SIP body read (default {@value SipFramer#DEFAULT_MAX_BODY} bytes) */
    public SipInspector(int maxBody) {
        super(AppProtocol.SIP);
        this.maxBody = maxBody;
        this.datagramFramer = new SipFramer(true, maxBody);
    }

    /** TCP is a byte stream framed by Content-Length; UDP and SCTP messages come one at a time. */
    @Override
    protected Supplier<Framer> framer(InspectionContext ctx) {
        return ctx.protocol().equals(IpProtocol.TCP) ? () -> new SipFramer(false, maxBody) : null;
    }

    /** Per direction: room for the longest message the framer accepts. */
    @Override
    protected int streamLimit() {
        return Math.max(StreamReassembler.DEFAULT_LIMIT, SipFramer.MAX_HEADERS + maxBody);
    }

    @Override
    protected void onDatagram(InspectionContext ctx, Direction dir, byte[] buf, int off, int len) {
        if (SipKeepAlive.is(buf, off, len, true)) {
            return; // a NAT keep-alive (CRLF, NUL bytes, STUN, "hello"): no message, not a malformed one
        }
        Frame f = datagramFramer.frame(buf, off, len);
        switch (f.detection()) {
            case DETECTED -> onMessage(ctx, dir, buf, off, f.length());
            case INVALID -> malformed(ctx, f.problem());
            default -> malformed(ctx, "truncated datagram");
        }
    }

    @Override
    protected void onMessage(InspectionContext ctx, Direction dir, byte[] buf, int off, int len) {
        if (buf[off] == '\r' || buf[off] == '\n') {
            return; // keep-alive
        }
        SipMessage m = SipParser.parse(buf, off, len);
        if (m == null) {
            malformed(ctx, "bad start line");
            return;
        }
        ctx.message(m.isRequest() ? m.method() : Integer.toString(m.status()));
        voice(ctx, m);
        if (m.bodyLength() <= 0 || !hasSdp(m, buf)) {
            return;
        }
        SdpDescription sdp = SdpParser.parse(buf, m.bodyOffset(), m.bodyLength());
        if (sdp.problems() > 0) {
            malformed(ctx, sdp.problems() + " bad SDP line(s)");
        }
        String where = m.isRequest() ? "SDP in " + m.method()
                : "SDP in " + m.status() + (m.cseqMethod() != null ? " to " + m.cseqMethod() : "");
        String call = callName(m.callId());
        for (Expectation e : SdpExpectations.of(sdp, NAME, call, where)) {
            ctx.expect(e);
        }
    }

    /** An INVITE of a Call-ID this flow had not just invited is a call; a 2xx to REGISTER is a registration. */
    private void voice(InspectionContext ctx, SipMessage m) {
        if (m.isRequest() && "INVITE".equals(m.method()) && m.callId() != null && !m.callId().equals(lastInvitedCallId)) {
            lastInvitedCallId = m.callId();
            ctx.call();
        } else if (!m.isRequest() && m.status() >= 200 && m.status() < 300 && "REGISTER".equals(m.cseqMethod())) {
            ctx.registration();
        }
    }

    /**
     * "SIP call ID", the Call-ID cut to {@link ShortText#MAX_NAME_CHARS}: the same text object for
     * consecutive messages of one call, so its pinholes share one short name.
     */
    private String callName(String callId) {
        if (callId == null) {
            return "SIP call (no Call-ID)";
        }
        if (!callId.equals(lastCallId)) {
            lastCallId = ShortText.name(callId);
            lastCallName = "SIP call " + lastCallId;
            if (lastCallId.length() < callId.length()) {
                return lastCallName; // cut: never equal to the next message's full Call-ID
            }
        }
        return lastCallName;
    }

    private static boolean hasSdp(SipMessage m, byte[] buf) {
        String ct = m.contentType();
        if (ct == null) {
            return false;
        }
        return ct.startsWith("application/sdp") || ct.startsWith("multipart/");
    }
}
