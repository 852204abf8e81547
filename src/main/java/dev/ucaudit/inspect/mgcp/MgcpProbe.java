package dev.ucaudit.inspect.mgcp;

import dev.ucaudit.catalog.AppProtocol;
import dev.ucaudit.inspect.Detection;
import dev.ucaudit.inspect.probe.ContentProbe;
import dev.ucaudit.inspect.probe.ProbeText;
import java.util.regex.Pattern;

/** An MGCP command ("CRCX 1234 aaln/1@gw MGCP 1.0", also the draft's "MGCP 0.1") or response ("200 1234 OK"). */
public final class MgcpProbe implements ContentProbe {
    private static final Pattern COMMAND = Pattern.compile("[A-Z]{4} \\d{1,9} \\S+ MGCP \\d\\.\\d.*");
    private static final Pattern RESPONSE = Pattern.compile("\\d{3} \\d{1,9}( .*)?");

    @Override
    public AppProtocol protocol() {
        return AppProtocol.MGCP;
    }

    @Override
    public boolean runsOver(int p) {
        return p == 17;
    }

    @Override
    public Detection probe(byte[] buf, int off, int len) {
        Detection d = MgcpParser.detect(buf, off, len);
        if (d != Detection.DETECTED) {
            return d;
        }
        String line = ProbeText.firstLine(buf, off, len);
        if (line == null) {
            return len < ProbeText.MAX_FIRST_LINE && ProbeText.printable(buf, off, len) ? Detection.NEEDS_MORE_DATA
                    : Detection.INVALID;
        }
        return COMMAND.matcher(line).matches() || RESPONSE.matcher(line).matches() ? Detection.DETECTED : Detection.INVALID;
    }
}
