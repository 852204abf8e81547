package dev.ucaudit.inspect.tftp;

import dev.ucaudit.catalog.AppProtocol;
import dev.ucaudit.catalog.IpProtocol;
import dev.ucaudit.inspect.Channel;
import dev.ucaudit.inspect.Detection;
import dev.ucaudit.inspect.Direction;
import dev.ucaudit.inspect.Expectation;
import dev.ucaudit.inspect.InspectionContext;
import dev.ucaudit.inspect.MessageInspector;
import dev.ucaudit.inspect.ShortText;

/**
 * TFTP on UDP 69/6969: a read or write request from client port P expects the transfer on
 * (client, P, udp) with the server (the request's receiver) as peer; the server answers from a
 * new port, so the data flow is a different 5-tuple matched through the expectation table.
 */
public final class TftpInspector extends MessageInspector {
    public static final String NAME = AppProtocol.TFTP.token();
    /** The pinhole kind of a write request's data: a finding, not documented by the TFTP row. */
    public static final Channel UPLOAD = new Channel("tftp-upload");
    /** The pinhole kind of a read request's data: documented by the TFTP row. */
    public static final Channel DATA = new Channel("tftp-data");

    public TftpInspector() {
        super(AppProtocol.TFTP);
    }

    @Override
    protected void onMessage(InspectionContext ctx, Direction dir, byte[] buf, int off, int len) {
        TftpParser.Result r = TftpParser.parse(buf, off, len);
        if (r.detection() == Detection.INVALID) {
            malformed(ctx, r.problem());
            return;
        }
        if (r.detection() == Detection.NEEDS_MORE_DATA) {
            malformed(ctx, "truncated request");
            return;
        }
        ctx.message("opcode " + r.opcode());
        TftpRequest q = r.request();
        if (q == null) {
            return;
        }
        if (q.isRead()) {
            String reason = "TFTP data of read request for " + ShortText.name(q.filename());
            ctx.expect(new Expectation(ctx.sender(dir), ctx.senderPort(dir), IpProtocol.UDP, NAME, DATA, reason,
                    ctx.receiver(dir)));
            return;
        }
        // the catalog's TFTP rows document downloads (firmware, configuration): an upload is a finding
        String upload = "upload to the TFTP server: write request (WRQ) for " + ShortText.name(q.filename())
                + "; the TFTP rows document downloads of firmware and configuration files only";
        ctx.finding(upload);
        ctx.expect(new Expectation(ctx.sender(dir), ctx.senderPort(dir), IpProtocol.UDP, NAME, UPLOAD, "data of the " + upload,
                ctx.receiver(dir)));
    }
}
