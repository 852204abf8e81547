package dev.ucaudit.history;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.ucaudit.catalog.ConfigFile;
import java.io.InputStream;
import java.util.stream.Collectors;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ucaudit.report.FlowRow;
import dev.ucaudit.diff.InputException;
import dev.ucaudit.diff.UnusedRow;
import dev.ucaudit.inventory.Prefix;
import dev.ucaudit.report.AtomicFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import dev.ucaudit.report.Times;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The state file kept beside the report folders ({@code ucaudit-state.json}): for every catalog
 * opening (rule, destination) that some run found unused, when ucaudit started tracking it and when
 * a run last saw it used. From that, "unused for N days" — counted on capture time, not wall-clock
 * time, so re-auditing an old capture gives the same answer. An opening used before tracking began
 * counts from the first run that found it unused: the figure is a lower bound.
 */
public final class OpeningHistory {
    public static final int VERSION = 1;

    /** One opening's history; times are ISO-8601 UTC; {@code lastUsed} is null while never seen used. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Opening(@JsonProperty("rule") String rule, @JsonProperty("destination") String destination,
                          @JsonProperty("tracked_since") String trackedSince, @JsonProperty("last_used") String lastUsed) {
    }

    /**
     * The file's content: the openings tracked, and per catalog rule the responders documented flows
     * citing it reached, with when last — so an opening that goes unused later knows its last use.
     */
    public record State(@JsonProperty("version") int version, @JsonProperty("updated_at") String updatedAt,
                        @JsonProperty("openings") Map<String, Opening> openings,
                        @JsonProperty("last_used_by_rule") Map<String, Map<String, String>> used) {
    }

    private final Map<String, Opening> openings;
    private final Map<String, Map<String, String>> used = new TreeMap<>();
    private String updatedAt;

    private OpeningHistory(Map<String, Opening> openings, Map<String, Map<String, String>> used, String updatedAt) {
        this.openings = new TreeMap<>(openings);
        used.forEach((rule, m) -> this.used.put(rule, new TreeMap<>(m)));
        this.updatedAt = updatedAt;
    }

    public static OpeningHistory empty() {
        return new OpeningHistory(Map.of(), Map.of(), "");
    }

    private static ObjectMapper mapper() {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** Reads a state file; a missing file is an empty history. */
    public static OpeningHistory load(Path file) {
        if (!Files.exists(file)) {
            return empty();
        }
        try {
            State s;
            try (InputStream in = ConfigFile.open(file)) {
                s = mapper().readValue(in, State.class);
            }
            if (s.version() != VERSION) {
                throw new InputException(file.toString(), 0, "state file version " + s.version() + " is not "
                        + VERSION + "; move it aside to start a new history");
            }
            Map<String, Opening> map = s.openings() == null ? Map.of() : s.openings();
            for (Opening o : map.values()) {
                instant(o.trackedSince(), file);
                if (o.lastUsed() != null) {
                    instant(o.lastUsed(), file);
                }
            }
            Map<String, Map<String, String>> used = s.used() == null ? Map.of() : s.used();
            for (Map<String, String> m : used.values()) {
                for (String t : m.values()) {
                    instant(t, file);
                }
            }
            return new OpeningHistory(map, used, s.updatedAt() == null ? "" : s.updatedAt());
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new InputException(file.toString(), line, "not a ucaudit state file: " + describe(e)
                    + " (move it aside to start a new history)");
        } catch (IOException e) {
            throw new InputException(file.toString(), 0, "cannot read: " + e.getMessage());
        }
    }

    /** What is wrong, in words: never Jackson's message (class names, "Source: REDACTED", token names). */
    private static String describe(JsonProcessingException e) {
        if (e instanceof MismatchedInputException m) {
            String field = m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return field.isEmpty() ? "expected a JSON object with version, openings and last_used_by_rule"
                    : "'" + field + "' has the wrong type or is incomplete";
        }
        long column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
        return "not valid JSON" + (column > 0 ? " at column " + column : "");
    }

    private static Instant instant(String text, Path file) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new InputException(file.toString(), 0, "time '" + text + "' is not ISO-8601 UTC");
        }
    }

    public void save(Path file) throws IOException {
        String json = mapper().writeValueAsString(new State(VERSION, updatedAt, openings, used));
        AtomicFile.write(file, w -> w.write(json + "\n"));
    }

    /**
     * Folds one run in: every documented flow's (rule, responder) last use is remembered; openings the
     * run found unused start being tracked (if new), with the last use remembered from earlier runs;
     * tracked openings it did not find unused were used, last at the latest flow citing the rule towards
     * that destination (or at the run's end when flows.csv does not show it, e.g. beyond --max-flow-rows).
     */
    public void update(Collection<FlowRow> flows, Collection<UnusedRow> unused, Instant runTime) {
        String now = Times.iso(runTime);
        for (FlowRow f : flows) {
            if (f.documented() && !f.rule().isEmpty()) {
                try {
                    Instant t = Instant.parse(f.lastSeen());
                    used.computeIfAbsent(f.rule(), k -> new TreeMap<>()).merge(f.responder(), Times.iso(t),
                            (a, b) -> Instant.parse(a).isAfter(Instant.parse(b)) ? a : b);
                } catch (DateTimeParseException e) {
                    // no time: cannot count as a use
                }
            }
        }
        Set<String> unusedKeys = new HashSet<>();
        for (UnusedRow u : unused) {
            unusedKeys.add(u.key());
            if (!openings.containsKey(u.key())) {
                Opening fresh = new Opening(u.rule(), u.destination(), now, null);
                openings.put(u.key(), new Opening(u.rule(), u.destination(), now,
                        lastUse(fresh).map(Times::iso).orElse(null)));
            }
        }
        for (Map.Entry<String, Opening> e : openings.entrySet()) {
            if (unusedKeys.contains(e.getKey())) {
                continue;
            }
            Opening o = e.getValue();
            Instant when = lastUse(o).orElse(runTime);
            if (o.lastUsed() == null || when.isAfter(Instant.parse(o.lastUsed()))) {
                e.setValue(new Opening(o.rule(), o.destination(), o.trackedSince(), Times.iso(when)));
            }
        }
        if (updatedAt.isEmpty() || runTime.isAfter(Instant.parse(updatedAt))) {
            updatedAt = now;
        }
    }

    /** The latest remembered use of the rule towards a responder inside the opening's destination. */
    private Optional<Instant> lastUse(Opening o) {
        Prefix dest = null;
        if (!o.destination().isEmpty()) {
            try {
                dest = Prefix.parse(o.destination());
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        Instant latest = null;
        for (Map.Entry<String, String> e : used.getOrDefault(o.rule(), Map.of()).entrySet()) {
            try {
                if (dest != null && !dest.contains(Prefix.parse(e.getKey()).address())) {
                    continue;
                }
            } catch (IllegalArgumentException ex) {
                continue;
            }
            Instant t = Instant.parse(e.getValue());
            if (latest == null || t.isAfter(latest)) {
                latest = t;
            }
        }
        return Optional.ofNullable(latest);
    }

    /** Whole days an opening has gone unused at {@code runTime}, or empty when it is not tracked. */
    public Optional<Long> daysUnused(String key, Instant runTime) {
        Opening o = openings.get(key);
        if (o == null) {
            return Optional.empty();
        }
        Instant since = Instant.parse(o.lastUsed() != null ? o.lastUsed() : o.trackedSince());
        return Optional.of(Math.max(0, Duration.between(since, runTime).toDays()));
    }

    public Optional<Opening> opening(String key) {
        return Optional.ofNullable(openings.get(key));
    }

    public int size() {
        return openings.size();
    }

    public List<Opening> openings() {
        return List.copyOf(openings.values());
    }
}
