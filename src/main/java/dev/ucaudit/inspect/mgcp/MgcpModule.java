package dev.ucaudit.inspect.mgcp;

import dev.ucaudit.catalog.AppProtocol;
import dev.ucaudit.catalog.IpProtocol;
import dev.ucaudit.inspect.ProtocolModule;
import dev.ucaudit.inspect.Registration;
import java.util.Set;

/** MGCP on 2427/udp (gateways) and 2727/udp (call agents). */
public final class MgcpModule implements ProtocolModule {
    @Override
    public Registration registration() {
        MgcpProbe probe = new MgcpProbe();
        return Registration.of(AppProtocol.MGCP, Set.of(IpProtocol.UDP), "2427,2727", Registration.fromProbe(probe))
                .withProbe(probe).withInspector(MgcpInspector::new);
    }
}
