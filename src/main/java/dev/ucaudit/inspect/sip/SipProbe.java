package dev.ucaudit.inspect.sip;

import dev.ucaudit.catalog.AppProtocol;
import dev.ucaudit.inspect.Detection;
import dev.ucaudit.inspect.probe.ContentProbe;
import dev.ucaudit.inspect.probe.ProbeText;
import java.util.regex.Pattern;

/** RFC 3261: "METHOD SP Request-URI SP SIP/2.0" or "SIP/2.0 SP 3DIGIT SP reason"; leading CR LF are keep-alives. */
public final class SipProbe implements ContentProbe {
    private static final Pattern REQUEST = Pattern.compile("[A-Z]{3,16} \\S+ SIP/2\\.0");
    private static final Pattern STATUS = Pattern.compile("SIP/2\\.0 [1-6]\\d\\d( .*)?");

    @Override
    public AppProtocol protocol() {
        return AppProtocol.SIP;
    }

    @Override
    public boolean runsOver(int p) {
        return p == 6 || p == 17 || p == 132;
    }

    @Override
    public Detection probe(byte[] buf, int off, int len) {
        if (!ProbeText.valid(buf, off, len)) {
            return Detection.INVALID;
        }
        while (len > 0 && (buf[off] == '\r' || buf[off] == '\n')) {
            off++;
            len--;
        }
        if (len == 0) {
            return Detection.NEEDS_MORE_DATA;
        }
        String line = ProbeText.firstLine(buf, off, len);
        if (line == null) {
            return len < ProbeText.MAX_FIRST_LINE && ProbeText.printable(buf, off, len) ? Detection.NEEDS_MORE_DATA
                    : Detection.INVALID;
        }
        return REQUEST.matcher(line).matches() || STATUS.matcher(line).matches() ? Detection.DETECTED : Detection.INVALID;
    }

    /** A SIP keep-alive (RFC 5626): CR/LF only, or a STUN message (magic cookie 0x2112A442) multiplexed on the flow. */
    public static boolean keepAlive(byte[] buf, int off, int len) {
        return SipKeepAlive.is(buf, off, len, false);
    }
}
