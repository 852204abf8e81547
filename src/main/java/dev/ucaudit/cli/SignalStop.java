package dev.ucaudit.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGINT and SIGTERM end a live run cleanly: the first asks the capture to stop, and the command
 * then drains what was captured and writes the report before exiting with its usual status. A
 * second signal while the report is being written exits at once (status 130). The JVM's own
 * handlers are put back by {@link #close}.
 */
final class SignalStop implements AutoCloseable {
    private final List<Signal> signals = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();
    private volatile int received;

    SignalStop(Runnable stop, PrintWriter err) {
        SignalHandler handler = sig -> {
            received++;
            if (received == 1) {
                err.println("ucaudit: SIG" + sig.getName() + ": stopping; writing the report (send it again to quit at once)");
                err.flush();
                stop.run();
            } else {
                err.println("ucaudit: SIG" + sig.getName() + " again: quitting without writing the report");
                err.flush();
                Runtime.getRuntime().halt(130);
            }
        };
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal s = new Signal(name);
                previous.add(Signal.handle(s, handler));
                signals.add(s);
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // signal not available here (e.g. the JVM was started with -Xrs): the duration still ends the run
            }
        }
    }

    boolean received() {
        return received > 0;
    }

    @Override
    public void close() {
        for (int i = 0; i < signals.size(); i++) {
            try {
                Signal.handle(signals.get(i), previous.get(i));
            } catch (IllegalArgumentException ignored) {
                // cannot restore: harmless at the end of the run
            }
        }
    }
}
