package dev.ucaudit.inspect.http;

import dev.ucaudit.catalog.AppProtocol;
import dev.ucaudit.catalog.IpProtocol;
import dev.ucaudit.inspect.Direction;
import dev.ucaudit.inspect.Look;
import dev.ucaudit.inspect.ProtocolModule;
import dev.ucaudit.inspect.Registration;
import dev.ucaudit.inspect.probe.ProbeText;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Pattern;

/** HTTP/1.x in cleartext on tcp (and HTTPU, as SSDP, on udp): a request line ("GET /x HTTP/1.1", also HTTP/2's preface) or a status line. */
public final class HttpModule implements ProtocolModule {
    private static final Pattern REQUEST = Pattern.compile("[A-Z][A-Z-]{2,15} \\S+ HTTP/\\d(\\.\\d)?");
    private static final Pattern STATUS = Pattern.compile("HTTP/\\d(\\.\\d)? \\d{3}( .*)?");
    private static final Pattern METHOD_START = Pattern.compile("[A-Z][A-Z-]{0,15}( \\S*)?");

    @Override
    public Registration registration() {
        return Registration.of(AppProtocol.HTTP, Set.of(IpProtocol.TCP, IpProtocol.UDP), "80,8080", HttpModule::look);
    }

    static Look look(Direction dir, byte[] buf, int off, int len) {
        if (!ProbeText.valid(buf, off, len) || len == 0) {
            return Look.MORE;
        }
        if (startLine(buf, off, len)) {
            return Look.YES;
        }
        String line = ProbeText.firstLine(buf, off, len);
        if (line == null && len < ProbeText.MAX_FIRST_LINE && ProbeText.printable(buf, off, len)) {
            String start = new String(buf, off, Math.min(len, 64), StandardCharsets.ISO_8859_1);
            return METHOD_START.matcher(start).matches() || "HTTP/".startsWith(start) || start.startsWith("HTTP/")
                    ? Look.MORE : Look.NO;
        }
        return Look.NO;
    }

    /** True when the payload starts with an HTTP/1.x request or status line: other recognisers' "clearly not". */
    public static boolean startLine(byte[] buf, int off, int len) {
        String line = ProbeText.firstLine(buf, off, len);
        return line != null && (REQUEST.matcher(line).matches() || STATUS.matcher(line).matches());
    }
}
