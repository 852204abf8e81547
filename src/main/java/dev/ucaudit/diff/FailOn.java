package dev.ucaudit.diff;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** {@code ucaudit diff --fail-on}: which kinds of change make the exit status 1. */
public final class FailOn {
    public static final Map<String, Set<Change>> VALUES = new LinkedHashMap<>();

    static {
        // a new scan is new undocumented flows too: its probes are only summarized, not listed
        VALUES.put("new-undocumented", EnumSet.of(Change.NEW_UNDOCUMENTED, Change.NEW_SCAN));
        VALUES.put("new-flow", EnumSet.of(Change.NEW_UNDOCUMENTED, Change.NEW_DOCUMENTED, Change.NEW_SCAN));
        VALUES.put("new-scan", EnumSet.of(Change.NEW_SCAN));
        VALUES.put("scan-gone", EnumSet.of(Change.SCAN_GONE));
        VALUES.put("verdict-change", EnumSet.of(Change.VERDICT_CHANGE));
        VALUES.put("gone", EnumSet.of(Change.GONE));
        VALUES.put("newly-unused", EnumSet.of(Change.NEWLY_UNUSED));
        VALUES.put("long-unused", EnumSet.of(Change.LONG_UNUSED));
        VALUES.put("escaped", EnumSet.of(Change.ESCAPED, Change.NEW_ESCAPED));
        VALUES.put("new-escaped", EnumSet.of(Change.NEW_ESCAPED));
        VALUES.put("unused-allowed", EnumSet.of(Change.UNUSED_ALLOWED));
        VALUES.put("any", EnumSet.allOf(Change.class));
        VALUES.put("none", EnumSet.noneOf(Change.class));
    }

    private final List<String> names;

    private FailOn(List<String> names) {
        this.names = names;
    }

    /** Parses the option's values; throws IllegalArgumentException naming the valid ones. */
    public static FailOn parse(List<String> values) {
        List<String> names = new ArrayList<>();
        for (String v : values) {
            String t = v.trim().toLowerCase(Locale.ROOT);
            if (t.isEmpty()) {
                throw new IllegalArgumentException("--fail-on has an empty item (as in '--fail-on ,'); give one or more of "
                        + String.join(", ", VALUES.keySet()));
            }
            if (!VALUES.containsKey(t)) {
                throw new IllegalArgumentException("--fail-on '" + v + "' is not one of " + String.join(", ", VALUES.keySet()));
            }
            names.add(t);
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("--fail-on names nothing (as in '--fail-on ,'); give one or more of "
                    + String.join(", ", VALUES.keySet()));
        }
        return new FailOn(List.copyOf(names));
    }

    /** These names plus {@code name} (unless present, or "none" was chosen). */
    public FailOn with(String name) {
        if (names.contains(name) || names.contains("none")) {
            return this;
        }
        List<String> more = new ArrayList<>(names);
        more.add(name);
        return new FailOn(List.copyOf(more));
    }

    public List<String> names() {
        return names;
    }

    public boolean needsPolicy() {
        return names.contains("escaped") || names.contains("new-escaped") || names.contains("unused-allowed");
    }

    /** The selected names that some change matched, e.g. {@code ["new-undocumented: 1"]}; empty means exit 0. */
    public List<String> failures(ReportDiff.Result r) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            long count = VALUES.get(n).stream().mapToLong(r::count).sum();
            if (count > 0) {
                out.add(n + ": " + count);
            }
        }
        return out;
    }
}
