package dev.ucaudit.inspect.rtp;

import dev.ucaudit.catalog.AppProtocol;
import dev.ucaudit.catalog.IpProtocol;
import dev.ucaudit.inspect.ProtocolModule;
import dev.ucaudit.inspect.Registration;
import java.util.Set;

/** Media on udp: RTP, RTCP, SRTP/SRTCP, STUN/ICE, DTLS-SRTP, ZRTP, T.38/UDPTL (see {@link MediaRecogniser}). */
public final class MediaModule implements ProtocolModule {
    @Override
    public Registration registration() {
        return Registration.of(AppProtocol.RTP, Set.of(IpProtocol.UDP), "16384-32767", new MediaRecogniser());
    }
}
