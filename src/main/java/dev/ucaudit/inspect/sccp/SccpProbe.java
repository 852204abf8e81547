package dev.ucaudit.inspect.sccp;

import dev.ucaudit.catalog.AppProtocol;
import dev.ucaudit.inspect.Detection;
import dev.ucaudit.inspect.probe.FramedProbe;

/** A whole Skinny header (length, version) and a message id of the protocol's ranges. */
public final class SccpProbe extends FramedProbe {
    public SccpProbe() {
        super(new SccpFramer(), SccpFramer.HEADER + 4);
    }

    @Override
    public AppProtocol protocol() {
        return AppProtocol.SCCP;
    }

    @Override
    public boolean runsOver(int p) {
        return p == 6;
    }

    @Override
    protected Detection decide(byte[] buf, int off, Detection framed) {
        int id = SccpParser.messageId(buf, off);
        boolean known = id <= 0x01ff || (id >= 0x8000 && id <= 0x81ff);
        return known ? framed : Detection.INVALID;
    }
}
