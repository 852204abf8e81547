package dev.ucaudit.events;

import java.io.PrintWriter;

/** {@code live --events FILE}: one JSON object per line, flushed as each is written ({@code tail -f}, {@code jq}). */
public final class JsonLinesChannel implements EventChannel {
    private final PrintWriter out;
    private final String name;
    private final boolean closeOut;
    private long lost;

    /** @param closeOut false for stdout, which the command still uses */
    public JsonLinesChannel(PrintWriter out, String name, boolean closeOut) {
        this.out = out;
        this.name = name;
        this.closeOut = closeOut;
    }

    @Override
    public synchronized void send(String event, long atNanos, String json) {
        out.print(json);
        out.print('\n');
        out.flush();
        if (out.checkError()) {
            lost++;
        }
    }

    @Override
    public synchronized long lost() {
        return lost;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized void close() {
        out.flush();
        if (closeOut) {
            out.close();
        }
    }
}
