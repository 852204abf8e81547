package dev.ucaudit.inspect.sip;

import dev.ucaudit.catalog.AppProtocol;
import dev.ucaudit.catalog.IpProtocol;
import dev.ucaudit.inspect.Direction;
import dev.ucaudit.inspect.Look;
import dev.ucaudit.inspect.ProtocolModule;
import dev.ucaudit.inspect.Recogniser;
import dev.ucaudit.inspect.Registration;
import java.util.Set;

/** SIP: udp, tcp and sctp on 5060; 5061/tcp is SIP over TLS (counted, never parsed); keep-alives ({@link SipKeepAlive}) are skipped. */
public final class SipModule implements ProtocolModule {
    @Override
    public Registration registration() {
        SipProbe probe = new SipProbe();
        Recogniser byProbe = Registration.fromProbe(probe);
        Recogniser recogniser = new Recogniser() {
            @Override
            public Look look(Direction dir, byte[] buf, int off, int len) {
                return SipKeepAlive.is(buf, off, len, false) ? Look.SKIP : byProbe.look(dir, buf, off, len);
            }

            @Override
            public Recogniser forFlow(int ipProtocol) {
                // on UDP a datagram too short for any SIP start line is a keep-alive too ("hello", "jaK")
                boolean datagrams = ipProtocol == IpProtocol.UDP.number();
                return (dir, buf, off, len) -> SipKeepAlive.is(buf, off, len, datagrams) ? Look.SKIP : byProbe.look(dir, buf, off, len);
            }
        };
        return Registration.of(AppProtocol.SIP, Set.of(IpProtocol.TCP, IpProtocol.UDP, IpProtocol.SCTP), "5060,5061", recogniser)
                .withProbe(probe).withInspector(SipInspector::new).withTlsPorts("5061")
                .withKeepAlive((ip, buf, off, len) -> SipKeepAlive.is(buf, off, len, false)).withNotOnPortCounted();
    }
}
