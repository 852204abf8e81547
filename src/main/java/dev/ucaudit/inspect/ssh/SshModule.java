package dev.ucaudit.inspect.ssh;

import dev.ucaudit.catalog.AppProtocol;
import dev.ucaudit.catalog.IpProtocol;
import dev.ucaudit.inspect.Direction;
import dev.ucaudit.inspect.Look;
import dev.ucaudit.inspect.ProtocolModule;
import dev.ucaudit.inspect.Registration;
import dev.ucaudit.inspect.probe.ProbeText;
import java.util.Set;

/**
 * SSH (and SFTP over it) on tcp: each side starts with its identification string "SSH-2.0-..."
 * (RFC 4253 §4.2); a server may send other text lines first, so the responder's text that is not one
 * cannot tell.
 */
public final class SshModule implements ProtocolModule {
    private static final byte[] PREFIX = {'S', 'S', 'H', '-'};

    @Override
    public Registration registration() {
        return Registration.of(AppProtocol.SSH, Set.of(IpProtocol.TCP), "22", SshModule::look);
    }

    static Look look(Direction dir, byte[] buf, int off, int len) {
        if (!ProbeText.valid(buf, off, len) || len == 0) {
            return Look.MORE;
        }
        for (int i = 0; i < Math.min(len, PREFIX.length); i++) {
            if (buf[off + i] != PREFIX[i]) {
                boolean banner = dir == Direction.FROM_RESPONDER && ProbeText.printable(buf, off, len)
                        && ProbeText.firstLine(buf, off, len) != null && !startsHttp(buf, off, len);
                return banner ? Look.MORE : Look.NO;
            }
        }
        return len >= PREFIX.length ? Look.YES : Look.MORE;
    }

    private static boolean startsHttp(byte[] buf, int off, int len) {
        return len >= 5 && buf[off] == 'H' && buf[off + 1] == 'T' && buf[off + 2] == 'T' && buf[off + 3] == 'P' && buf[off + 4] == '/';
    }
}
