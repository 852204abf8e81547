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
 * most 16, a poll exponent of at most 17 and a precision of 2^-32 to 2^-1 seconds (or 0, as clients
 * send); control messages (6) whose count fits the datagram; private ones (7) cannot tell.
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
        if (mode == 7) {
            return Look.MORE; // ntpdc's private mode: no fixed layout to tell
        }
        if (mode == 6) {
            // control message: 12-byte header whose count says how much data follows (then padding, authenticator)
            if (len < 12) {
                return Look.NO;
            }
            int count = (buf[off + 10] & 0xff) << 8 | (buf[off + 11] & 0xff);
            return 12 + count <= len && len <= 12 + count + 24 ? Look.YES : Look.NO;
        }
        int poll = buf[off + 2] & 0xff;
        int precision = buf[off + 3];
        return len >= 48 && (buf[off + 1] & 0xff) <= 16 && poll <= 17 && (precision == 0 || precision >= -32 && precision < 0)
                ? Look.YES : Look.NO;
    }
}
