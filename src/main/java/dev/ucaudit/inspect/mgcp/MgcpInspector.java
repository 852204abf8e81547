package dev.ucaudit.inspect.mgcp;

import dev.ucaudit.catalog.AppProtocol;
import dev.ucaudit.inspect.Detection;
import dev.ucaudit.inspect.Direction;
import dev.ucaudit.inspect.Expectation;
import dev.ucaudit.inspect.InspectionContext;
import dev.ucaudit.inspect.MessageInspector;
import dev.ucaudit.inspect.ShortText;
import dev.ucaudit.inspect.sdp.SdpDescription;
import dev.ucaudit.inspect.sdp.SdpExpectations;
import dev.ucaudit.inspect.sdp.SdpParser;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * MGCP over UDP 2427/2727 (one datagram at a time, piggy-backing supported). SDP in commands
 * (CRCX/MDCX from the call agent: the remote side) and in responses (the gateway's local
 * connection descriptor) gives RTP/RTCP expectations. Responses are tied to their command by
 * transaction id (bounded memory) to name the endpoint.
 */
public final class MgcpInspector extends MessageInspector {
    public static final String NAME = AppProtocol.MGCP.token();
    private static final int MAX_PENDING = 256;

    private final Map<String, MgcpMessage> commands = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, MgcpMessage> eldest) {
            return size() > MAX_PENDING;
        }
    };

    public MgcpInspector() {
        super(AppProtocol.MGCP);
    }

    /** One datagram, possibly several piggy-backed messages. */
    @Override
    protected void onMessage(InspectionContext ctx, Direction dir, byte[] buf, int off, int len) {
        MgcpParser.Result r = MgcpParser.parse(buf, off, len);
        if (r.detection() != Detection.DETECTED) {
            malformed(ctx, "not an MGCP message");
            return;
        }
        for (MgcpMessage m : r.messages()) {
            ctx.message(m.isCommand() ? m.verb() : Integer.toString(m.code()));
            MgcpMessage command = m.isCommand() ? m : commands.get(m.transactionId());
            if (m.isCommand()) {
                commands.put(ShortText.name(m.transactionId()), kept(m));
            } else if (command != null && m.code() >= 200 && m.code() < 300) {
                voice(ctx, command.verb());
            }
            if (m.bodyLength() <= 0) {
                continue;
            }
            SdpDescription sdp = SdpParser.parse(buf, m.bodyOffset(), m.bodyLength());
            if (sdp.problems() > 0) {
                malformed(ctx, sdp.problems() + " bad SDP line(s)");
            }
            String endpoint = command != null ? command.endpoint() : "?";
            String conn = m.connectionId() != null ? m.connectionId() : command != null && command.connectionId() != null
                    ? command.connectionId() : "?";
            String call = "MGCP endpoint " + ShortText.name(endpoint) + " connection " + ShortText.name(conn)
                    + " (transaction " + ShortText.name(m.transactionId())
                    + (command != null && command.callId() != null ? ", call " + ShortText.name(command.callId()) : "") + ")";
            String where = m.isCommand() ? "SDP in " + m.verb()
                    : "SDP in " + m.code() + " response" + (command != null ? " to " + command.verb() : "");
            for (Expectation e : SdpExpectations.of(sdp, NAME, call, where)) {
                ctx.expect(e);
            }
        }
    }

    /** What a pending command keeps: its names cut to {@link ShortText#MAX_NAME_CHARS}, no body. */
    private static MgcpMessage kept(MgcpMessage m) {
        return new MgcpMessage(ShortText.name(m.verb()), m.code(), ShortText.name(m.transactionId()),
                ShortText.name(m.endpoint()), ShortText.name(m.callId()), ShortText.name(m.connectionId()), 0, 0);
    }

    /** An accepted CRCX is a call leg set up on the gateway; an accepted RSIP is the gateway registering. */
    private static void voice(InspectionContext ctx, String verb) {
        if ("CRCX".equals(verb)) {
            ctx.call();
        } else if ("RSIP".equals(verb)) {
            ctx.registration();
        }
    }
}
