package dev.ucaudit.inspect.tftp;

import dev.ucaudit.catalog.AppProtocol;
import dev.ucaudit.inspect.Detection;
import dev.ucaudit.inspect.probe.ContentProbe;

/** A TFTP read or write request (opcode 1 or 2, file name, mode); other opcodes only follow a request. */
public final class TftpProbe implements ContentProbe {
    @Override
    public AppProtocol protocol() {
        return AppProtocol.TFTP;
    }

    @Override
    public boolean runsOver(int p) {
        return p == 17;
    }

    @Override
    public Detection probe(byte[] buf, int off, int len) {
        TftpParser.Result r = TftpParser.parse(buf, off, len);
        if (r.detection() == Detection.DETECTED) {
            return r.request() != null ? Detection.DETECTED : Detection.INVALID;
        }
        return r.detection();
    }
}
