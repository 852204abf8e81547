package dev.ucaudit.inspect.syslog;

import dev.ucaudit.catalog.AppProtocol;
import dev.ucaudit.catalog.IpProtocol;
import dev.ucaudit.inspect.Direction;
import dev.ucaudit.inspect.Look;
import dev.ucaudit.inspect.ProtocolModule;
import dev.ucaudit.inspect.Registration;
import dev.ucaudit.inspect.http.HttpModule;
import dev.ucaudit.inspect.probe.ProbeText;
import java.util.Set;

/**
 * Syslog on udp 514 and tcp 601: a PRI ("&lt;34&gt;", RFC 3164/5424), after an octet count on tcp
 * (RFC 6587). Text without a PRI cannot tell (old senders omit it); binary data, or an HTTP request, is not syslog.
 */
public final class SyslogModule implements ProtocolModule {
    @Override
    public Registration registration() {
        return Registration.of(AppProtocol.SYSLOG, Set.of(IpProtocol.UDP, IpProtocol.TCP), "514,601", SyslogModule::look);
    }

    static Look look(Direction dir, byte[] buf, int off, int len) {
        if (!ProbeText.valid(buf, off, len) || len == 0) {
            return Look.MORE;
        }
        int p = off;
        int end = off + len;
        while (p < end && p - off < 10 && buf[p] >= '0' && buf[p] <= '9') {
            p++;
        }
        if (p > off && p < end && buf[p] == ' ') {
            p++; // an octet count
        } else {
            p = off;
        }
        if (p < end && buf[p] == '<') {
            int q = p + 1;
            while (q < end && q - p <= 3 && buf[q] >= '0' && buf[q] <= '9') {
                q++;
            }
            if (q > p + 1 && q < end && buf[q] == '>') {
                return Look.YES;
            }
        }
        int text = Math.min(len, 256);
        if (!ProbeText.printable(buf, off, text) || HttpModule.startLine(buf, off, len)) {
            return Look.NO;
        }
        return Look.MORE;
    }
}
