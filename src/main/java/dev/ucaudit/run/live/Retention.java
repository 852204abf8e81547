package dev.ucaudit.run.live;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code live --keep N} and {@code --keep-days D}: after each period is written, the period folders of --out
 * beyond the N newest, or that started more than D days before the newest period started (capture time), are
 * deleted. The newest period (what {@code latest} names) and cumulative-unused.csv always stay.
 */
public record Retention(int keep, int keepDays) {
    public static final Retention ALL = new Retention(0, 0);
    private static final Pattern PERIOD = Pattern.compile("(\\d{4}-\\d\\d-\\d\\dT\\d{4})(\\d\\d)?Z(-\\d+)?");

    public boolean keepsAll() {
        return keep <= 0 && keepDays <= 0;
    }

    /** Deletes what is past the limits; returns the folders deleted, oldest first. */
    public List<Path> prune(Path out) throws IOException {
        if (keepsAll()) {
            return List.of();
        }
        List<Path> periods;
        try (Stream<Path> s = Files.list(out)) {
            periods = new ArrayList<>(s.filter(p -> PERIOD.matcher(p.getFileName().toString()).matches())
                    .filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).toList());
        }
        periods.sort(Comparator.comparing((Path p) -> start(p)).thenComparing(p -> p.getFileName().toString()));
        if (periods.size() <= 1) {
            return List.of();
        }
        Instant newest = start(periods.get(periods.size() - 1));
        List<Path> deleted = new ArrayList<>();
        for (int i = 0; i < periods.size() - 1; i++) {
            Path p = periods.get(i);
            boolean tooMany = keep > 0 && periods.size() - i > keep;
            boolean tooOld = keepDays > 0 && start(p).isBefore(newest.minus(Duration.ofDays(keepDays)));
            if (tooMany || tooOld) {
                deleteTree(p);
                deleted.add(p);
            }
        }
        return deleted;
    }

    /** A period folder's start time, from its name (2026-11-25T0800Z, 2026-11-25T080030Z, ...-2). */
    public static Instant start(Path period) {
        Matcher m = PERIOD.matcher(period.getFileName().toString());
        if (!m.matches()) {
            return Instant.EPOCH;
        }
        String text = m.group(1) + (m.group(2) == null ? "00" : m.group(2));
        return LocalDateTime.parse(text, DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmmss")).toInstant(ZoneOffset.UTC);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
