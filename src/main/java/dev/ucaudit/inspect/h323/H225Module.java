package dev.ucaudit.inspect.h323;

import dev.ucaudit.catalog.AppProtocol;
import dev.ucaudit.catalog.IpProtocol;
import dev.ucaudit.inspect.ProtocolModule;
import dev.ucaudit.inspect.Registration;
import java.util.Set;

/** H.225 call signalling (Q.931 over TPKT) on 1720/tcp. */
public final class H225Module implements ProtocolModule {
    @Override
    public Registration registration() {
        H225Probe probe = new H225Probe();
        return Registration.of(AppProtocol.H225, Set.of(IpProtocol.TCP), "1720", Registration.fromProbe(probe))
                .withProbe(probe).withInspector(H225Inspector::new).withLaterPayload(H225Probe::startsLikeTpkt);
    }
}
