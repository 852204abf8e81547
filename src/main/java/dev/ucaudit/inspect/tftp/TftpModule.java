package dev.ucaudit.inspect.tftp;

import dev.ucaudit.catalog.AppProtocol;
import dev.ucaudit.catalog.IpProtocol;
import dev.ucaudit.inspect.Direction;
import dev.ucaudit.inspect.Look;
import dev.ucaudit.inspect.ProtocolModule;
import dev.ucaudit.inspect.Registration;
import dev.ucaudit.inspect.probe.ProbeText;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/** TFTP requests on 69/udp (and Cisco's 6969); the transfer itself runs on the ports the request opens. */
public final class TftpModule implements ProtocolModule {
    private static final String[] MODES = {"octet", "netascii", "mail"};

    @Override
    public Registration registration() {
        TftpProbe probe = new TftpProbe();
        return Registration.of(AppProtocol.TFTP, Set.of(IpProtocol.UDP), "69,6969", TftpModule::look)
                .withProbe(probe).withInspector(TftpInspector::new)
                .withFindingKinds(TftpInspector.UPLOAD);
    }

    /**
     * A read or write request ending in a transfer mode (even with an empty or odd file name, which the
     * inspector counts as malformed, it is TFTP); another opcode (1-6) cannot tell; anything else is not TFTP.
     */
    static Look look(Direction dir, byte[] buf, int off, int len) {
        if (!ProbeText.valid(buf, off, len) || len < 2) {
            return Look.MORE;
        }
        int op = (buf[off] & 0xff) << 8 | (buf[off + 1] & 0xff);
        if (op < 1 || op > 6) {
            return Look.NO;
        }
        if (op > 2) {
            return Look.MORE;
        }
        String text = new String(buf, off + 2, len - 2, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        for (String mode : MODES) {
            if (text.contains("\0" + mode + "\0") || text.startsWith(mode + "\0")) {
                return Look.YES;
            }
        }
        return Look.NO;
    }
}
