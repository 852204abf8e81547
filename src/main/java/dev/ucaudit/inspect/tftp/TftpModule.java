package dev.ucaudit.inspect.tftp;

import dev.ucaudit.catalog.AppProtocol;
import dev.ucaudit.catalog.IpProtocol;
import dev.ucaudit.inspect.ProtocolModule;
import dev.ucaudit.inspect.Registration;
import java.util.Set;

/** TFTP requests on 69/udp (and Cisco's 6969); the transfer itself runs on the ports the request opens. */
public final class TftpModule implements ProtocolModule {
    @Override
    public Registration registration() {
        TftpProbe probe = new TftpProbe();
        return Registration.of(AppProtocol.TFTP, Set.of(IpProtocol.UDP), "69,6969", Registration.fromProbe(probe))
                .withProbe(probe).withInspector(TftpInspector::new);
    }
}
