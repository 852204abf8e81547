package dev.ucaudit.inspect.dns;

import dev.ucaudit.catalog.AppProtocol;
import dev.ucaudit.catalog.IpProtocol;
import dev.ucaudit.inspect.Direction;
import dev.ucaudit.inspect.Look;
import dev.ucaudit.inspect.ProtocolModule;
import dev.ucaudit.inspect.Recogniser;
import dev.ucaudit.inspect.Registration;
import dev.ucaudit.inspect.probe.ProbeText;
import java.util.Set;

/**
 * DNS on udp and tcp (a 2-byte length first, RFC 1035 §4.2.2): a 12-byte header with a known opcode,
 * the Z bit clear and a handful of questions, then the first question's name (labels of at most 63
 * bytes, or a compression pointer in an answer) and its type and class.
 */
public final class DnsModule implements ProtocolModule {
    private static final int HEADER = 12;

    @Override
    public Registration registration() {
        return Registration.of(AppProtocol.DNS, Set.of(IpProtocol.UDP, IpProtocol.TCP), "53", new Recogniser() {
            @Override
            public Look look(Direction dir, byte[] buf, int off, int len) {
                return DnsModule.look(false, buf, off, len);
            }

            @Override
            public Recogniser forFlow(int ipProtocol) {
                return ipProtocol == IpProtocol.TCP.number() ? (dir, buf, off, len) -> DnsModule.look(true, buf, off, len) : this;
            }
        });
    }

    static Look look(boolean tcp, byte[] buf, int off, int len) {
        if (!ProbeText.valid(buf, off, len) || len == 0) {
            return Look.MORE;
        }
        if (tcp) {
            if (len < 2) {
                return Look.MORE;
            }
            int length = (buf[off] & 0xff) << 8 | (buf[off + 1] & 0xff);
            if (length < HEADER) {
                return Look.NO;
            }
            off += 2;
            len = Math.min(len - 2, length);
        }
        if (len < HEADER) {
            return tcp ? Look.MORE : Look.NO;
        }
        int opcode = (buf[off + 2] >> 3) & 0x0f;
        if (opcode == 3 || opcode > 6 || (buf[off + 3] & 0x40) != 0) {
            return Look.NO;
        }
        int questions = (buf[off + 4] & 0xff) << 8 | (buf[off + 5] & 0xff);
        if (questions > 8 || (questions == 0 && (buf[off + 2] & 0x80) == 0 && opcode == 0)) {
            return Look.NO; // a standard query asks something
        }
        if (questions == 0) {
            return Look.YES;
        }
        int p = off + HEADER;
        int end = off + len;
        for (int labels = 0; labels < 128; labels++) {
            if (p >= end) {
                return tcp ? Look.MORE : Look.NO;
            }
            int l = buf[p] & 0xff;
            if (l == 0) {
                p++;
                break;
            }
            if ((l & 0xc0) == 0xc0) {
                p += 2;
                break;
            }
            if (l > 63) {
                return Look.NO;
            }
            p += 1 + l;
        }
        if (p + 4 > end) {
            return tcp ? Look.MORE : Look.NO;
        }
        int qclass = (buf[p + 2] & 0x7f) << 8 | (buf[p + 3] & 0xff);
        return qclass == 1 || qclass == 3 || qclass == 4 || qclass == 254 || qclass == 255 ? Look.YES : Look.NO;
    }
}
