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
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record State(@JsonProperty("version") int version, @JsonProperty("updated_at") String updatedAt,
                        @JsonProperty("catalog") String catalog, @JsonProperty("inventory") String inventory,
                        @JsonProperty("openings") Map<String, Opening> openings,
                        @JsonProperty("last_used_by_rule") Map<String, Map<String, String>> used) {
    }

    /**
     * What a history tracks openings of: the digests of the catalog rows and the inventory (or "none")
     * its runs were classified with. A run with others would mark every opening it no longer knows as used.
     */
    public record Tracked(String catalog, String inventory) {
    }

    /** What one update did: the flow times it left out as damage (after the wall clock or before 2000), and the first. */
    public record Update(long damagedTimes, String firstDamaged, Instant clock) {
    }

    /** Capture times before this are damage (a clock never set), as are times more than {@link #FUTURE_SLACK} after the wall clock. */
    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    public static final Duration FUTURE_SLACK = Duration.ofDays(1);

    private final Map<String, Opening> openings;
    private final Map<String, Map<String, String>> used = new TreeMap<>();
    private String updatedAt;
    private Tracked tracked;

    private OpeningHistory(Map<String, Opening> openings, Map<String, Map<String, String>> used, String updatedAt, Tracked tracked) {
        this.openings = new TreeMap<>(openings);
        used.forEach((rule, m) -> this.used.put(rule, new TreeMap<>(m)));
        this.updatedAt = updatedAt;
        this.tracked = tracked;
    }

    public static OpeningHistory empty() {
        return new OpeningHistory(Map.of(), Map.of(), "", null);
    }

    /** The catalog and inventory this history tracks openings of; empty for a new history or one written before they were recorded. */
    public Optional<Tracked> tracked() {
        return Optional.ofNullable(tracked);
    }

    /**
     * Why a run with {@code run}'s catalog and inventory may not update this history, in one line, or empty.
     *
     * @param file names the state file
     */
    public Optional<String> refusal(Path file, Tracked run) {
        if (tracked == null) {
            return Optional.empty();
        }
        if (!tracked.catalog().equals(run.catalog())) {
            return Optional.of(file + " tracks the openings of another catalog (" + tracked.catalog() + ", this run "
                    + run.catalog() + "): give the catalog it was built with, or --new-history to start a new history");
        }
        if (!tracked.inventory().equals(run.inventory())) {
            return Optional.of(file + " tracks the openings of " + (tracked.inventory().equals("none") ? "no inventory"
                    : "another inventory (" + tracked.inventory() + ")") + " and this run has " + (run.inventory().equals("none")
                    ? "none" : run.inventory()) + ": give the inventory it was built with, or --new-history to start a new history");
        }
        return Optional.empty();
    }

    /** True when {@code t} can be a packet's time at wall-clock time {@code wall} (not after it, not before 2000). */
    public static boolean plausible(Instant t, Instant wall) {
        return !t.isBefore(EARLIEST) && !t.isAfter(wall.plus(FUTURE_SLACK));
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
            for (Map.Entry<String, Opening> e : map.entrySet()) {
                String field = "openings." + e.getKey();
                Opening o = e.getValue();
                if (o == null || o.rule() == null || o.destination() == null) {
                    throw new InputException(file.toString(), 0, "'" + field + "' is not an opening (rule, destination,"
                            + " tracked_since, last_used); move the file aside to start a new history");
                }
                instant(o.trackedSince(), file, field + ".tracked_since");
                if (o.lastUsed() != null) {
                    instant(o.lastUsed(), file, field + ".last_used");
                }
            }
            Map<String, Map<String, String>> used = s.used() == null ? Map.of() : s.used();
            for (Map.Entry<String, Map<String, String>> m : used.entrySet()) {
                if (m.getValue() == null) {
                    throw new InputException(file.toString(), 0, "'last_used_by_rule." + m.getKey() + "' is not an object of times");
                }
                for (Map.Entry<String, String> t : m.getValue().entrySet()) {
                    instant(t.getValue(), file, "last_used_by_rule." + m.getKey() + "." + t.getKey());
                }
            }
            String updated = s.updatedAt() == null ? "" : s.updatedAt();
            if (!updated.isEmpty()) {
                instant(updated, file, "updated_at");
            }
            if ((s.catalog() == null) != (s.inventory() == null)) {
                throw new InputException(file.toString(), 0, "'" + (s.catalog() == null ? "catalog" : "inventory")
                        + "' is missing (the state records both the catalog and the inventory it tracks)");
            }
            Tracked tracked = s.catalog() == null ? null : new Tracked(s.catalog(), s.inventory());
            return new OpeningHistory(map, used, updated, tracked);
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

    private static Instant instant(String text, Path file, String field) {
        if (text == null) {
            throw new InputException(file.toString(), 0, "'" + field + "' is missing: it must be an ISO-8601 UTC time");
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InputException(file.toString(), 0, "'" + field + "': time '" + text + "' is not ISO-8601 UTC");
        }
    }

    public void save(Path file) throws IOException {
        String json = mapper().writeValueAsString(new State(VERSION, updatedAt, tracked == null ? null : tracked.catalog(),
                tracked == null ? null : tracked.inventory(), openings, used));
        AtomicFile.write(file, w -> w.write(json + "\n"));
    }

    /**
     * Folds one run in: every documented flow's (rule, responder) last use is remembered; openings the
     * run found unused start being tracked (if new), with the last use remembered from earlier runs;
     * tracked openings it did not find unused were used, last at the latest flow citing the rule towards
     * that destination (or at the run's end when flows.csv does not show it, e.g. beyond --max-flow-rows).
     * A time that cannot be a packet's at wall-clock time {@code wall} ({@link #plausible}) is damage: it
     * never moves the state's clock nor counts as a use (the run's end then is the latest plausible flow
     * time). The history then tracks {@code run}'s catalog and inventory.
     */
    public Update update(Collection<FlowRow> flows, Collection<UnusedRow> unused, Instant runTime, Tracked run, Instant wall) {
        this.tracked = run;
        long damaged = 0;
        String firstDamaged = "";
        Instant clock = runTime;
        if (!plausible(runTime, wall)) {
            // the capture's end is damage: the clock is the latest plausible flow time, never the damaged one
            damaged++;
            firstDamaged = Times.iso(runTime);
            clock = flows.stream().map(f -> parse(f.lastSeen())).filter(t -> t != null && plausible(t, wall))
                    .max(Instant::compareTo).orElse(updatedAt.isEmpty() ? wall : Instant.parse(updatedAt));
        }
        String now = Times.iso(clock);
        for (FlowRow f : flows) {
            if (f.documented() && !f.rule().isEmpty()) {
                try {
                    Instant t = Instant.parse(f.lastSeen());
                    if (!plausible(t, wall)) {
                        damaged++;
                        firstDamaged = firstDamaged.isEmpty() ? f.lastSeen() : firstDamaged;
                        continue;
                    }
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
            Instant when = lastUse(o).orElse(clock);
            if (o.lastUsed() == null || when.isAfter(Instant.parse(o.lastUsed()))) {
                e.setValue(new Opening(o.rule(), o.destination(), o.trackedSince(), Times.iso(when)));
            }
        }
        if (updatedAt.isEmpty() || clock.isAfter(Instant.parse(updatedAt))) {
            updatedAt = now;
        }
        return new Update(damaged, firstDamaged, clock);
    }

    private static Instant parse(String time) {
        try {
            return Instant.parse(time);
        } catch (DateTimeParseException | NullPointerException e) {
            return null;
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
