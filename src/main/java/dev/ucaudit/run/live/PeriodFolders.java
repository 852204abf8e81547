package dev.ucaudit.run.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The folders of a rotating live run's {@code --out}: one per period named by its start time in UTC
 * ({@code 2026-11-25T0800Z}, with seconds when the period is not whole minutes), {@code latest} naming the
 * newest, and what an earlier run left there (a restart goes on beside its periods).
 */
public final class PeriodFolders {
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmm'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final Pattern NAME = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d{4}(\\d\\d)?Z(-\\d+)?");

    private PeriodFolders() {
    }

    /** The folder of the period starting at {@code startMillis}: never one holding a finished report (a restarted run). */
    public static Path of(Path out, Duration period, long startMillis) {
        DateTimeFormatter f = period.toMillis() % 60_000 == 0 ? MINUTES : SECONDS;
        String base = f.format(Instant.ofEpochMilli(startMillis));
        Path dir = out.resolve(base);
        for (int i = 2; Files.exists(dir.resolve("summary.json")); i++) {
            dir = out.resolve(base + "-" + i);
        }
        return dir;
    }

    /**
     * What an earlier run left in {@code --out}: its complete period reports, the last of them by the end
     * of its capture, and the folders without summary.json (a run killed while writing).
     */
    public record Earlier(int complete, String lastName, Instant lastEnd, List<String> incomplete) {
    }

    /** The periods already in {@code out}; null when there are none (or the folder cannot be read). */
    public static Earlier earlier(Path out) {
        if (!Files.isDirectory(out)) {
            return null;
        }
        int complete = 0;
        String lastName = null;
        Instant lastEnd = null;
        List<String> incomplete = new ArrayList<>();
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(out)) {
            for (Path p : folders) {
                String name = p.getFileName().toString();
                if (!NAME.matcher(name).matches() || Files.isSymbolicLink(p) || !Files.isDirectory(p)) {
                    continue;
                }
                Path summary = p.resolve("summary.json");
                if (!Files.isRegularFile(summary)) {
                    incomplete.add(name);
                    continue;
                }
                complete++;
                Instant end = endedAt(summary);
                if (end != null && (lastEnd == null || end.isAfter(lastEnd))) {
                    lastEnd = end;
                    lastName = name;
                }
            }
        } catch (IOException e) {
            return null; // the first period's write says what is wrong with --out
        }
        return complete == 0 && incomplete.isEmpty() ? null : new Earlier(complete, lastName, lastEnd, List.copyOf(incomplete));
    }

    private static Instant endedAt(Path summary) {
        try {
            JsonNode end = new ObjectMapper().readTree(summary.toFile()).path("capture").path("ended_at");
            return end.isTextual() ? Instant.parse(end.asText()) : null;
        } catch (IOException | DateTimeException e) {
            return null;
        }
    }

    /** {@code out/latest}: a symbolic link to the newest folder, else a file holding its name. */
    public static void pointLatest(Path out, Path dir) throws IOException {
        Path latest = out.resolve("latest");
        Path tmp = out.resolve(".latest.tmp");
        Files.deleteIfExists(tmp);
        try {
            Files.createSymbolicLink(tmp, dir.getFileName());
        } catch (IOException | UnsupportedOperationException e) {
            Files.writeString(tmp, dir.getFileName() + "\n");
        }
        if (Files.isDirectory(latest, LinkOption.NOFOLLOW_LINKS)) {
            Files.deleteIfExists(tmp);
            return; // a real folder named latest: leave it alone
        }
        Files.move(tmp, latest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
