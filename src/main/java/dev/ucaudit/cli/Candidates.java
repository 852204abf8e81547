package dev.ucaudit.cli;

import dev.ucaudit.diff.FailOn;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** The values bash completion offers for options that take one of a few words (picocli's completionCandidates). */
final class Candidates {
    private Candidates() {
    }

    /** audit --format. */
    static final class AuditFormats implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("text", "jsonl").iterator();
        }
    }

    /** diff --format. */
    static final class DiffFormats implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("text", "json").iterator();
        }
    }

    /** catalog --format. */
    static final class CatalogFormats implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("table", "csv", "json").iterator();
        }
    }

    /** audit/live/merge/spark --fail-on. */
    static final class AuditFailOn implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("undocumented", "port-only", "unused", "problems", "escaped", "none").iterator();
        }
    }

    /** diff --fail-on. */
    static final class DiffFailOn implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return new ArrayList<>(FailOn.VALUES.keySet()).iterator();
        }
    }

    /** --decapsulate. */
    static final class Decapsulate implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("auto", "none").iterator();
        }
    }

    /** audit --reader. */
    static final class Readers implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("builtin", "libpcap").iterator();
        }
    }

    /** live --capture-engine. */
    static final class Engines implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("native", "pcap4j").iterator();
        }
    }

    /** generate's scenarios. */
    static final class Scenarios implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("lab-site", "media-heavy", "syn-scan", "udp-spray", "hostile").iterator();
        }
    }
}
