package dev.ucaudit.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ucaudit.audit.FlowRecord;
import dev.ucaudit.run.live.DropWatch;
import dev.ucaudit.run.live.LiveEvents;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * A live run's events, each formatted once ({@link EventJson}) and given to every channel (--events,
 * --syslog); counted by type for --metrics. At the end, what a channel could not deliver is said.
 */
public final class LiveEventSinks implements LiveEvents {
    private final List<EventChannel> channels;
    private final Consumer<String> notices;
    private final Map<String, LongAdder> told = new ConcurrentHashMap<>();

    public LiveEventSinks(List<EventChannel> channels, Consumer<String> notices) {
        this.channels = List.copyOf(channels);
        this.notices = notices;
        for (String e : List.of(EventJson.FLOW, EventJson.SCAN, EventJson.DROPS)) {
            told.put(e, new LongAdder());
        }
    }

    @Override
    public void undocumentedFlow(FlowRecord flow) {
        send(EventJson.FLOW, flow.firstSeenNanos(), EventJson.flow(flow));
    }

    @Override
    public void scan(Scan scan) {
        send(EventJson.SCAN, scan.lastSeenNanos(), EventJson.scan(scan));
    }

    @Override
    public void drops(DropWatch.Burst burst, long atNanos) {
        send(EventJson.DROPS, atNanos, EventJson.drops(burst, atNanos));
    }

    private void send(String event, long atNanos, ObjectNode o) {
        String line = EventJson.line(o);
        for (EventChannel c : channels) {
            c.send(event, atNanos, line);
        }
        told.get(event).increment();
    }

    /** Events told so far, by type. */
    public Map<String, Long> told() {
        Map<String, Long> m = new TreeMap<>();
        told.forEach((k, v) -> m.put(k, v.sum()));
        return m;
    }

    /** Events lost so far, by channel name. */
    public Map<String, Long> lost() {
        Map<String, Long> m = new TreeMap<>();
        for (EventChannel c : channels) {
            m.put(c.name(), c.lost());
        }
        return m;
    }

    @Override
    public void close() {
        for (EventChannel c : channels) {
            c.close();
            if (c.lost() > 0) {
                notices.accept("ucaudit: " + c.name() + ": " + c.lost() + (c.lost() == 1 ? " event" : " events")
                        + " could not be delivered (the reports hold every finding)");
            }
        }
    }
}
