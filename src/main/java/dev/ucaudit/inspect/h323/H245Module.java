package dev.ucaudit.inspect.h323;

import dev.ucaudit.catalog.AppProtocol;
import dev.ucaudit.catalog.IpProtocol;
import dev.ucaudit.inspect.Look;
import dev.ucaudit.inspect.ProtocolModule;
import dev.ucaudit.inspect.Registration;
import java.util.Set;

/**
 * H.245 (TPKT-framed) on the channel H.225 negotiates: never probed for, never on a port of its own;
 * its inspector is given to flows that hit an H.245 pinhole, and a partial audit keeps TPKT payloads.
 */
public final class H245Module implements ProtocolModule {
    private static final TpktFramer TPKT = new TpktFramer();

    @Override
    public Registration registration() {
        return Registration.of(AppProtocol.H245, Set.of(IpProtocol.TCP), "", (dir, buf, off, len) ->
                switch (TPKT.frame(buf, off, len).detection()) {
                    case DETECTED -> Look.YES;
                    case INVALID -> Look.NO;
                    case NEEDS_MORE_DATA -> Look.MORE;
                }).withInspector(H245Inspector::new).withLaterPayload(H225Probe::startsLikeTpkt);
    }
}
