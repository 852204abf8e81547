package dev.ucaudit.inspect;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-inspector counters for the run summary: messages parsed, expectations created, malformed
 * messages, and what the voice summary counts: call set-ups and registrations. Thread-confined (plain fields): use one per worker and {@link #merge} them.
 */
public final class InspectorStats {
    /** Counters of one inspector. */
    public static final class Counters {
        private long messages;
        private long expectations;
        private long malformed;
        private long calls;
        private long registrations;
        private String lastMalformed;

        public void message() {
            messages++;
        }

        public void expectation() {
            expectations++;
        }

        /** One call set up on this signalling leg (a SIP INVITE of a new Call-ID, an H.225 Setup, ...). */
        public void call() {
            calls++;
        }

        /** One registration accepted (a SIP 2xx to REGISTER, an SCCP RegisterAck, an MGCP RSIP). */
        public void registration() {
            registrations++;
        }

        public void malformed(String detail) {
            malformed++;
            lastMalformed = detail;
        }

        public long messages() {
            return messages;
        }

        public long expectations() {
            return expectations;
        }

        public long malformed() {
            return malformed;
        }

        public long calls() {
            return calls;
        }

        public long registrations() {
            return registrations;
        }

        /** The detail of the latest malformed message, or null. */
        public String lastMalformed() {
            return lastMalformed;
        }
    }

    private final Map<String, Counters> byInspector = new TreeMap<>();

    public Counters of(String inspector) {
        return byInspector.computeIfAbsent(inspector, k -> new Counters());
    }

    public void merge(InspectorStats other) {
        other.byInspector.forEach((name, c) -> {
            Counters mine = of(name);
            mine.messages += c.messages;
            mine.expectations += c.expectations;
            mine.malformed += c.malformed;
            mine.calls += c.calls;
            mine.registrations += c.registrations;
            if (c.lastMalformed != null) {
                mine.lastMalformed = c.lastMalformed;
            }
        });
    }

    /** name -> {messages, expectations, malformed, calls, registrations}, ready for a JSON writer. */
    public Map<String, Map<String, Long>> toMap() {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        byInspector.forEach((name, c) -> {
            Map<String, Long> m = new LinkedHashMap<>();
            m.put("messages", c.messages);
            m.put("expectations", c.expectations);
            m.put("malformed", c.malformed);
            m.put("calls", c.calls);
            m.put("registrations", c.registrations);
            out.put(name, m);
        });
        return out;
    }
}
