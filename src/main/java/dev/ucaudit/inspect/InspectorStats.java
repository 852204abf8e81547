package dev.ucaudit.inspect;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-inspector counters for the run summary: messages parsed, expectations created, malformed
 * messages. Thread-confined (plain fields): use one per worker and {@link #merge} them.
 */
public final class InspectorStats {
    /** Counters of one inspector. */
    public static final class Counters {
        private long messages;
        private long expectations;
        private long malformed;
        private String lastMalformed;

        public void message() {
            messages++;
        }

        public void expectation() {
            expectations++;
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
            if (c.lastMalformed != null) {
                mine.lastMalformed = c.lastMalformed;
            }
        });
    }

    /** name -> {messages, expectations, malformed}, ready for a JSON writer. */
    public Map<String, Map<String, Long>> toMap() {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        byInspector.forEach((name, c) -> {
            Map<String, Long> m = new LinkedHashMap<>();
            m.put("messages", c.messages);
            m.put("expectations", c.expectations);
            m.put("malformed", c.malformed);
            out.put(name, m);
        });
        return out;
    }
}
