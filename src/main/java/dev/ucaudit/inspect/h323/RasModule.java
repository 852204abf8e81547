package dev.ucaudit.inspect.h323;

import dev.ucaudit.catalog.AppProtocol;
import dev.ucaudit.catalog.IpProtocol;
import dev.ucaudit.inspect.Direction;
import dev.ucaudit.inspect.Look;
import dev.ucaudit.inspect.ProtocolModule;
import dev.ucaudit.inspect.Registration;
import dev.ucaudit.inspect.probe.ProbeText;
import java.util.Set;

/**
 * H.225 RAS on 1719/udp: a PER-encoded RasMessage. Its first byte is the CHOICE: extension bit 0 and
 * one of the 25 root alternatives (GRQ .. unknownMessageResponse), or extension bit 1 and one of the
 * three additions (0x80-0x82). Gatekeeper and registration messages carry the protocol identifier
 * (OID 0.0.8.2250.0.v: 06 00 08 91 4a 00) right after the sequence number: that is a yes; a valid
 * choice without it cannot tell; anything else (bencoded BitTorrent DHT, text) is no.
 */
public final class RasModule implements ProtocolModule {
    private static final byte[] H225_OID = {0x06, 0x00, 0x08, (byte) 0x91, 0x4a, 0x00};
    private static final int ROOT_ALTERNATIVES = 25;
    private static final int ADDITIONS = 3;

    @Override
    public Registration registration() {
        return Registration.of(AppProtocol.RAS, Set.of(IpProtocol.UDP), "1719", RasModule::look);
    }

    static Look look(Direction dir, byte[] buf, int off, int len) {
        if (!ProbeText.valid(buf, off, len) || len == 0) {
            return Look.MORE;
        }
        int b = buf[off] & 0xff;
        boolean choice = (b & 0x80) == 0 ? (b >> 2) < ROOT_ALTERNATIVES : b < 0x80 + ADDITIONS;
        if (!choice || len < 4 || ProbeText.printable(buf, off, len)) {
            return Look.NO;
        }
        int end = Math.min(len, 16) - H225_OID.length;
        for (int i = 1; i <= end; i++) {
            if (matches(buf, off + i)) {
                return Look.YES;
            }
        }
        return Look.MORE;
    }

    private static boolean matches(byte[] buf, int at) {
        for (int i = 0; i < H225_OID.length; i++) {
            if (buf[at + i] != H225_OID[i]) {
                return false;
            }
        }
        return true;
    }
}
