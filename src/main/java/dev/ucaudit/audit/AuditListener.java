package dev.ucaudit.audit;

import dev.ucaudit.packet.CaptureProblem;

/**
 * Hears what an audit meets while it reads: damaged records, undecodable packets, inputs that could
 * not be read. Everything is counted in the run's statistics already; the listener only decides
 * what, if anything, a user sees. Called on the analysis thread.
 */
public interface AuditListener {
    /** A listener that shows nothing (the counts are in the run statistics). */
    AuditListener SILENT = new AuditListener() {
        @Override
        public void problem(CaptureProblem problem) {
        }

        @Override
        public void inputFailed(String source, String message) {
        }
    };

    /** A record, packet or file that could not be used in full; {@link CaptureProblem#fatal()} ends its input. */
    void problem(CaptureProblem problem);

    /** A whole input could not be opened or read: the run goes on with the others. */
    void inputFailed(String source, String message);
}
