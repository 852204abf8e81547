package dev.ucaudit.inspect.ntp;

import dev.ucaudit.catalog.AppProtocol;
import dev.ucaudit.catalog.IpProtocol;
import dev.ucaudit.inspect.Direction;
import dev.ucaudit.inspect.Look;
import dev.ucaudit.inspect.ProtocolModule;
import dev.ucaudit.inspect.Registration;
import dev.ucaudit.inspect.probe.ProbeText;
import java.util.Set;

/**
 * NTP on udp (RFC 5905): version 1-4; modes 1-5 in a packet of at least 48 bytes with a stratum of at
 * most 16; control (6) and private (7) messages of at least 8 bytes.
 */
public final class NtpModule implements ProtocolModule {
    @Override
    public Registration registration() {
        return Registration.of(AppProtocol.NTP, Set.of(IpProtocol.UDP), "123", NtpModule::look);
    }

    static Look look(Direction dir, byte[] buf, int off, int len) {
        if (!ProbeText.valid(buf, off, len) || len == 0) {
            return Look.MORE;
        }
        int b = buf[off] & 0xff;
        int version = (b >> 3) & 0x07;
        int mode = b & 0x07;
        if (version < 1 || version > 4 || mode == 0) {
            return Look.NO;
        }
        if (mode >= 6) {
            return len >= 8 ? Look.YES : Look.NO;
        }
        return len >= 48 && (buf[off + 1] & 0xff) <= 16 ? Look.YES : Look.NO;
    }
}
