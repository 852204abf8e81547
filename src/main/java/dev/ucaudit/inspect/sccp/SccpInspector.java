package dev.ucaudit.inspect.sccp;

import dev.ucaudit.catalog.AppProtocol;
import dev.ucaudit.catalog.IpProtocol;
import dev.ucaudit.inspect.Channel;
import dev.ucaudit.inspect.Direction;
import dev.ucaudit.inspect.Expectation;
import dev.ucaudit.inspect.Framer;
import dev.ucaudit.inspect.InspectionContext;
import dev.ucaudit.inspect.MessageInspector;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * SCCP over TCP 2000. OpenReceiveChannelAck / OpenMultiMediaReceiveChannelAck (the phone's
 * receive address) and StartMediaTransmission (where the phone sends) give RTP expectations plus
 * RTCP at port+1. Conference ids of OpenReceiveChannel are remembered per pass-through party
 * (bounded) to name the conference in the Ack's reason.
 */
public final class SccpInspector extends MessageInspector {
    public static final String NAME = AppProtocol.SCCP.token();
    private static final int MAX_PARTIES = 256;

    private final Map<Long, Long> conferenceByParty = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Long> eldest) {
            return size() > MAX_PARTIES;
        }
    };

    public SccpInspector() {
        super(AppProtocol.SCCP);
    }

    @Override
    protected Supplier<Framer> framer(InspectionContext ctx) {
        return SccpFramer::new;
    }

    @Override
    protected void onMessage(InspectionContext ctx, Direction dir, byte[] buf, int off, int len) {
        int id = SccpParser.messageId(buf, off);
        ctx.message("0x" + Integer.toHexString(id));
        if (id == SccpParser.REGISTER_ACK) {
            ctx.registration();
        }
        if (id == SccpParser.OPEN_RECEIVE_CHANNEL) {
            long[] ids = SccpParser.openReceiveChannelIds(buf, off, len);
            if (ids != null) {
                if (!conferenceByParty.containsValue(ids[0])) {
                    ctx.call(); // a conference this phone had not joined yet
                }
                conferenceByParty.put(ids[1], ids[0]);
            }
            return;
        }
        SccpParser.Result r = SccpParser.parse(buf, off, len);
        switch (r.detection()) {
            case INVALID -> malformed(ctx, r.problem());
            case NEEDS_MORE_DATA -> malformed(ctx, "message 0x" + Integer.toHexString(id) + " too short");
            default -> {
                SccpMedia m = r.media();
                if (m != null && m.status() == 0 && m.address() != null && m.port() > 0 && !m.address().isAnyLocalAddress()) {
                    expect(ctx, m);
                }
            }
        }
    }

    private void expect(InspectionContext ctx, SccpMedia m) {
        String name = switch (m.messageId()) {
            case SccpParser.OPEN_RECEIVE_CHANNEL_ACK -> "OpenReceiveChannelAck";
            case SccpParser.OPEN_MULTIMEDIA_RECEIVE_CHANNEL_ACK -> "OpenMultiMediaReceiveChannelAck";
            default -> "StartMediaTransmission";
        };
        long conf = m.conferenceId() >= 0 ? m.conferenceId() : conferenceByParty.getOrDefault(m.passThruPartyId(), -1L);
        String reason = "SCCP " + name + ", conference " + (conf >= 0 ? Long.toString(conf) : "?")
                + ", pass-through party " + m.passThruPartyId();
        boolean video = m.messageId() == SccpParser.OPEN_MULTIMEDIA_RECEIVE_CHANNEL_ACK;
        ctx.expect(new Expectation(m.address(), m.port(), IpProtocol.UDP, NAME, video ? Channel.VIDEO : Channel.RTP, reason, null));
        if (m.port() < 65535) {
            ctx.expect(new Expectation(m.address(), m.port() + 1, IpProtocol.UDP, NAME, Channel.RTCP, reason + " (RTCP at port+1)", null));
        }
    }
}
