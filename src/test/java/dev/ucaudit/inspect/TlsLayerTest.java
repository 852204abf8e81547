package dev.ucaudit.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ucaudit.catalog.AppProtocol;
import dev.ucaudit.catalog.IpProtocol;
import dev.ucaudit.synth.Messages;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 24: the content check names no concrete protocol; the protocol the others run over on their
 * TLS ports comes from the registrations. SIP expected on SIP's TLS port (5061/tcp): a TLS ClientHello
 * there is SIP over TLS.
 */
class TlsLayerTest {
    private final ProtocolRegistry registry = ProtocolRegistry.standard();

    @Test
    void theTlsLayerIsRegisteredOnce() {
        assertEquals(AppProtocol.TLS, registry.tlsLayer().orElseThrow().protocol());
        assertEquals(1, registry.all().stream().filter(Registration::carriesOthersOverTls).count());
    }

    @Test
    void aClientHelloOnSipsTlsPortIsSipOverTls() {
        int tcp = IpProtocol.TCP.number();
        AppProtocol[] plan = ContentCheck.plan(Set.of(AppProtocol.SIP), registry, tcp, AppProtocol.SIP);
        assertTrue(List.of(plan).contains(AppProtocol.TLS), List.of(plan).toString());
        ContentCheck check = ContentCheck.of(plan, registry, tcp, AppProtocol.SIP);
        byte[] hello = Messages.tlsHello(true, 200);
        check.offer(Direction.FROM_INITIATOR, hello, 0, hello.length, registry);
        WireEvidence e = check.evidence();
        assertTrue(e.confirmed().contains(AppProtocol.SIP), e.toString());
        assertTrue(!e.contradicted().containsKey(AppProtocol.SIP), e.toString());
    }
}
