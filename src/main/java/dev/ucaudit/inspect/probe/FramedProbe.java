package dev.ucaudit.inspect.probe;

import dev.ucaudit.inspect.Detection;
import dev.ucaudit.inspect.Frame;
import dev.ucaudit.inspect.Framer;

/** A binary protocol's probe: its framer must not reject the bytes, then the first {@code needs} bytes decide. */
public abstract class FramedProbe implements ContentProbe {
    private final Framer framer;
    private final int needs;

    protected FramedProbe(Framer framer, int needs) {
        this.framer = framer;
        this.needs = needs;
    }

    @Override
    public Detection probe(byte[] buf, int off, int len) {
        if (!ProbeText.valid(buf, off, len)) {
            return Detection.INVALID;
        }
        Frame f = framer.frame(buf, off, len);
        if (f.detection() == Detection.INVALID) {
            return Detection.INVALID;
        }
        return len < needs ? Detection.NEEDS_MORE_DATA : decide(buf, off, f.detection());
    }

    /** @param framed the framer's answer: DETECTED when the whole first message is there */
    protected abstract Detection decide(byte[] buf, int off, Detection framed);
}
