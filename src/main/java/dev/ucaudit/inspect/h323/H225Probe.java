package dev.ucaudit.inspect.h323;

import dev.ucaudit.catalog.AppProtocol;
import dev.ucaudit.inspect.Detection;
import dev.ucaudit.inspect.probe.FramedProbe;

/** TPKT version 3 whose payload starts a Q.931 message (protocol discriminator 8). */
public final class H225Probe extends FramedProbe {
    public H225Probe() {
        super(new TpktFramer(), TpktFramer.HEADER + 1);
    }

    @Override
    public AppProtocol protocol() {
        return AppProtocol.H225;
    }

    @Override
    public boolean runsOver(int p) {
        return p == 6;
    }

    @Override
    protected Detection decide(byte[] buf, int off, Detection framed) {
        return buf[off + TpktFramer.HEADER] == 0x08 ? Detection.DETECTED : Detection.INVALID;
    }

    /** A TCP payload that starts like TPKT: H.225 or an H.245 channel an inspector may read. */
    public static boolean startsLikeTpkt(int ipProtocol, byte[] b, int off, int len) {
        return ipProtocol == 6 && len >= 2 && b[off] == 3 && b[off + 1] == 0;
    }
}
