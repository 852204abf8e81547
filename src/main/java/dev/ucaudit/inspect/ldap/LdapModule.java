package dev.ucaudit.inspect.ldap;

import dev.ucaudit.catalog.AppProtocol;
import dev.ucaudit.catalog.IpProtocol;
import dev.ucaudit.inspect.Direction;
import dev.ucaudit.inspect.Look;
import dev.ucaudit.inspect.ProtocolModule;
import dev.ucaudit.inspect.Registration;
import dev.ucaudit.inspect.probe.Ber;
import dev.ucaudit.inspect.probe.ProbeText;
import java.util.Set;

/**
 * LDAP on tcp (RFC 4511): an LDAPMessage, a SEQUENCE holding the INTEGER messageID (1-4 bytes) and a
 * protocolOp of the APPLICATION class (bind, search, extended for StartTLS, ...).
 */
public final class LdapModule implements ProtocolModule {
    @Override
    public Registration registration() {
        return Registration.of(AppProtocol.LDAP, Set.of(IpProtocol.TCP), "389,3268", LdapModule::look);
    }

    static Look look(Direction dir, byte[] buf, int off, int len) {
        if (!ProbeText.valid(buf, off, len) || len == 0) {
            return Look.MORE;
        }
        int end = off + len;
        long[] l = new long[1];
        if (buf[off] != 0x30) {
            return Look.NO;
        }
        int p = Ber.content(buf, off, end, l);
        if (p == -2) {
            return Look.MORE;
        }
        if (p < 0 || l[0] < 5) {
            return Look.NO;
        }
        if (p >= end) {
            return Look.MORE;
        }
        if (buf[p] != 0x02) {
            return Look.NO;
        }
        if (p + 2 > end) {
            return Look.MORE;
        }
        int idLength = buf[p + 1] & 0xff;
        if (idLength < 1 || idLength > 4) {
            return Look.NO;
        }
        int op = p + 2 + idLength;
        if (op >= end) {
            return Look.MORE;
        }
        int tag = buf[op] & 0xff;
        return (tag & 0xc0) == 0x40 ? Look.YES : Look.NO;
    }
}
