package dev.ucaudit.cli;

import dev.ucaudit.capture.live.LivePacketSource;
import dev.ucaudit.packet.CaptureProblem;
import dev.ucaudit.packet.PacketSink;
import dev.ucaudit.packet.RawPacket;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import dev.ucaudit.audit.Verdict;
import dev.ucaudit.events.LiveEventSinks;

/**
 * {@code live --metrics ADDR:PORT}: the run's figures in Prometheus' text format on /metrics, through Prometheus'
 * own Java client (its registry and HTTP server), read at each scrape from the counters the run keeps anyway.
 */
final class LiveMetrics implements AutoCloseable {
    private final HTTPServer server;
    private final LongAdder packets;
    private final LongAdder bytes;

    /** What the metrics read: the capture's counters, flows in the table, report folders written. */
    record Figures(Supplier<LivePacketSource.Stats> capture, LongSupplier flowsHeld, LongSupplier flowsSeen, IntSupplier periods,
                   ToLongFunction<Verdict> classified, LiveEventSinks events) {
    }

    private LiveMetrics(HTTPServer server, LongAdder packets, LongAdder bytes) {
        this.server = server;
        this.packets = packets;
        this.bytes = bytes;
    }

    /** Parses {@code ADDR:PORT} ({@code [::1]:9464}, {@code 127.0.0.1:9464}, {@code :9464} for every address). */
    static String[] hostAndPort(String value) {
        int colon = value.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("--metrics '" + value + "': give ADDRESS:PORT, e.g. 127.0.0.1:9464 (:9464 for every address)");
        }
        String host = value.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        String port = value.substring(colon + 1);
        if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) > 65535) {
            throw new IllegalArgumentException("--metrics '" + value + "': the port must be a number from 0 to 65535");
        }
        return new String[] {host, port};
    }

    static LiveMetrics start(String listen, Figures f) throws IOException {
        String[] hp = hostAndPort(listen);
        PrometheusRegistry registry = new PrometheusRegistry();
        HTTPServer.Builder builder = HTTPServer.builder().port(Integer.parseInt(hp[1])).registry(registry);
        if (!hp[0].isEmpty()) {
            builder.hostname(hp[0]);
        }
        LongAdder packets = new LongAdder();
        LongAdder bytes = new LongAdder();
        CounterWithCallback.builder().name("ucaudit_packets_captured").help("Packets captured on the interface")
                .callback(cb -> cb.call(f.capture().get().captured())).register(registry);
        CounterWithCallback.builder().name("ucaudit_packets").help("Packets analysed")
                .callback(cb -> cb.call(packets.sum())).register(registry);
        CounterWithCallback.builder().name("ucaudit_bytes").help("Bytes of the packets analysed, as on the wire")
                .callback(cb -> cb.call(bytes.sum())).register(registry);
        CounterWithCallback.builder().name("ucaudit_packets_dropped").help("Packets lost before analysis, by where they were dropped")
                .labelNames("by").callback(cb -> {
                    LivePacketSource.Stats s = f.capture().get();
                    cb.call(s.pcap().dropped(), "kernel");
                    cb.call(s.pcap().ifDropped(), "interface");
                    cb.call(s.droppedByUcaudit(), "ucaudit");
                }).register(registry);
        GaugeWithCallback.builder().name("ucaudit_flows_held").help("Flows open in the flow table now")
                .callback(cb -> cb.call(f.flowsHeld().getAsLong())).register(registry);
        CounterWithCallback.builder().name("ucaudit_flows").help("Flows seen in the current period")
                .callback(cb -> cb.call(f.flowsSeen().getAsLong())).register(registry);
        CounterWithCallback.builder().name("ucaudit_findings").help("Flows classified since the start (rows of the periods' flows.csv), by verdict")
                .labelNames("verdict").callback(cb -> {
                    for (Verdict v : Verdict.values()) {
                        cb.call(f.classified().applyAsLong(v), v.label());
                    }
                }).register(registry);
        if (f.events() != null) {
            CounterWithCallback.builder().name("ucaudit_events").help("Events told to --events/--syslog, by type")
                    .labelNames("type").callback(cb -> f.events().told().forEach((k, v) -> cb.call(v, k))).register(registry);
            CounterWithCallback.builder().name("ucaudit_events_lost").help("Events a channel could not deliver (collector down, queue full)")
                    .labelNames("channel").callback(cb -> f.events().lost().forEach((k, v) -> cb.call(v, k))).register(registry);
        }
        CounterWithCallback.builder().name("ucaudit_periods_written").help("Report folders written (periods of --rotate)")
                .callback(cb -> cb.call(f.periods().getAsInt())).register(registry);
        GaugeWithCallback.builder().name("ucaudit_heap_used_bytes").help("Java heap in use")
                .callback(cb -> cb.call(Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory())).register(registry);
        return new LiveMetrics(builder.buildAndStart(), packets, bytes);
    }

    int port() {
        return server.getPort();
    }

    /** Counts packets and bytes on their way to the run. */
    PacketSink counting(PacketSink next) {
        LongAdder p = packets;
        LongAdder b = bytes;
        return new PacketSink() {
            @Override
            public void packet(RawPacket packet) {
                p.increment();
                b.add(packet.originalLength);
                next.packet(packet);
            }

            @Override
            public void problem(CaptureProblem problem) {
                next.problem(problem);
            }
        };
    }

    @Override
    public void close() {
        server.close();
    }
}
