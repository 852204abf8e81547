package dev.ucaudit.cli;

import dev.ucaudit.text.Printable;
import dev.ucaudit.audit.AuditListener;
import dev.ucaudit.packet.CaptureProblem;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;

/**
 * The command line's listener: prints each problem as one "ucaudit: " line on standard error, at most
 * {@value #LINES_PER_INPUT} per input (then one line saying that the rest are counted in summary.json).
 */
final class ProblemLines implements AuditListener {
    static final int LINES_PER_INPUT = 20;

    private final PrintStream err;
    private final Map<String, Integer> linesPrinted = new HashMap<>();

    ProblemLines(PrintStream err) {
        this.err = err;
    }

    @Override
    public synchronized void problem(CaptureProblem p) {
        if (p.fatal() || p.packetNumber() == 0) {
            err.println("ucaudit: " + Printable.escape(p.describe()));
            return;
        }
        int printed = linesPrinted.merge(p.source(), 1, Integer::sum);
        if (printed <= LINES_PER_INPUT) {
            err.println("ucaudit: " + Printable.escape(p.describe()));
        } else if (printed == LINES_PER_INPUT + 1) {
            err.println("ucaudit: " + Printable.escape(p.source()) + ": more problems; all are counted in summary.json");
        }
    }

    @Override
    public synchronized void inputFailed(String source, String message) {
        err.println("ucaudit: " + Printable.escape(message));
    }
}
