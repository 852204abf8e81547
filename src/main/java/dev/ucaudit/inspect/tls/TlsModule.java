package dev.ucaudit.inspect.tls;

import dev.ucaudit.catalog.AppProtocol;
import dev.ucaudit.catalog.IpProtocol;
import dev.ucaudit.inspect.Direction;
import dev.ucaudit.inspect.Look;
import dev.ucaudit.inspect.ProtocolModule;
import dev.ucaudit.inspect.Registration;
import dev.ucaudit.inspect.probe.ProbeText;
import java.util.Set;

/**
 * TLS on tcp, recognised by its record layer and handshake, never decrypted: a handshake record
 * (type 22, version 3.x, a sane length) whose first message is a ClientHello or ServerHello, or an
 * alert; an SSL 2 compatible ClientHello. The first payload of a connection decides.
 */
public final class TlsModule implements ProtocolModule {
    /** Largest TLSCiphertext record: 2^14 + 2048. */
    private static final int MAX_RECORD = 16384 + 2048;

    @Override
    public Registration registration() {
        return Registration.of(AppProtocol.TLS, Set.of(IpProtocol.TCP), "443", TlsModule::look).withCarryingOthersOverTls();
    }

    static Look look(Direction dir, byte[] buf, int off, int len) {
        if (!ProbeText.valid(buf, off, len) || len == 0) {
            return Look.MORE;
        }
        int type = buf[off] & 0xff;
        if ((type & 0x80) != 0 && len >= 3 && buf[off + 2] == 0x01) {
            return Look.YES; // SSL 2 record header: ClientHello (message type 1)
        }
        if (type < 0x14 || type > 0x18) {
            return Look.NO;
        }
        if (len < 3) {
            return Look.MORE;
        }
        if (buf[off + 1] != 3 || (buf[off + 2] & 0xff) > 4) {
            return Look.NO;
        }
        if (len < 5) {
            return Look.MORE;
        }
        int length = (buf[off + 3] & 0xff) << 8 | (buf[off + 4] & 0xff);
        if (length == 0 || length > MAX_RECORD) {
            return Look.NO;
        }
        if (type == 0x15) {
            return Look.YES; // an alert
        }
        if (type != 0x16) {
            return Look.MORE; // change cipher spec, application data, heartbeat: TLS, but not how one starts
        }
        if (len < 6) {
            return Look.MORE;
        }
        int handshake = buf[off + 5] & 0xff;
        return handshake <= 2 ? Look.YES : Look.NO; // hello request, client hello, server hello
    }
}
