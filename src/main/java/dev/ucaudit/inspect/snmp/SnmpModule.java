package dev.ucaudit.inspect.snmp;

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
 * SNMP on udp (requests 161, traps 162): a SEQUENCE whose first element is the INTEGER version
 * (0 v1, 1 v2c, 3 v3), followed by the community OCTET STRING (v1, v2c) or the v3 header SEQUENCE.
 */
public final class SnmpModule implements ProtocolModule {
    @Override
    public Registration registration() {
        return Registration.of(AppProtocol.SNMP, Set.of(IpProtocol.UDP), "161,162", SnmpModule::look);
    }

    static Look look(Direction dir, byte[] buf, int off, int len) {
        if (!ProbeText.valid(buf, off, len) || len == 0) {
            return Look.MORE;
        }
        int end = off + len;
        if (buf[off] != 0x30) {
            return Look.NO;
        }
        int p = Ber.content(buf, off, end, new long[1]);
        if (p == -2) {
            return Look.MORE;
        }
        if (p < 0 || p + 4 > end) {
            return p < 0 ? Look.NO : Look.MORE;
        }
        int version = buf[p + 2] & 0xff;
        if (buf[p] != 0x02 || buf[p + 1] != 0x01 || (version != 0 && version != 1 && version != 3)) {
            return Look.NO;
        }
        int next = buf[p + 3] & 0xff;
        return (version == 3 ? next == 0x30 : next == 0x04) ? Look.YES : Look.NO;
    }
}
