package dev.ucaudit.inspect.sccp;

import dev.ucaudit.catalog.AppProtocol;
import dev.ucaudit.catalog.IpProtocol;
import dev.ucaudit.inspect.ProtocolModule;
import dev.ucaudit.inspect.Registration;
import java.util.Set;

/** SCCP (Skinny) on 2000/tcp. */
public final class SccpModule implements ProtocolModule {
    @Override
    public Registration registration() {
        SccpProbe probe = new SccpProbe();
        return Registration.of(AppProtocol.SCCP, Set.of(IpProtocol.TCP), "2000", Registration.fromProbe(probe))
                .withProbe(probe).withInspector(SccpInspector::new);
    }
}
