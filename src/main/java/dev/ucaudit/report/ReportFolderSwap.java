package dev.ucaudit.report;

import java.nio.file.DirectoryNotEmptyException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Replaces a report folder as a whole: the new report is written into a sibling folder
 * ({@code .NAME.ucaudit-new-PID-N}), then the old folder is renamed aside ({@code .NAME.ucaudit-old-PID}),
 * the new one renamed in, and the old one removed. A full disk, a crash or SIGKILL part-way leaves the
 * old report or the new one, never a mix; {@link #check} puts back an old report a killed run left
 * aside and clears its half-written sibling.
 *
 * <p>Only files ucaudit writes are ever deleted: {@link #check} refuses a folder that is not a ucaudit
 * report, and any other file found in the old folder at swap time is moved into the new one.
 */
public final class ReportFolderSwap {
    /** Every file a report folder may hold (summary.json marks it as ucaudit's). */
    public static final Set<String> REPORT_FILES = Set.of("flows.csv", "conversations.csv", "unused.csv", "report.html",
            "summary.json", "escaped.csv", "unused-allowed.csv", "unused-history.csv", "partial.bin.gz");
    private static final String NEW = ".ucaudit-new-";
    private static final String OLD = ".ucaudit-old-";

    private final AtomicLong staged = new AtomicLong();

    /** Writes a whole report's files into a folder. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Path dir) throws IOException;
    }

    /**
     * Checks before any packet is read that {@code out} can take a report: not the root folder, not a
     * file, absent or a ucaudit report (or empty), in a folder ucaudit may create folders in. Repairs what a
     * killed run left (see the class comment). Throws IllegalArgumentException saying what is wrong and what to do.
     */
    public void check(Path out) throws IOException {
        Path abs = target(out);
        Path parent = abs.getParent();
        if (parent == null || abs.getFileName() == null) {
            throw new IllegalArgumentException("--out " + out + ": a report cannot replace the root folder; name a folder"
                    + " of its own, e.g. --out /var/lib/ucaudit/report");
        }
        String name = abs.getFileName().toString();
        restoreLeftovers(parent, name);
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new IllegalArgumentException("--out " + out + " is a file, not a folder; give a folder name (it is created)"
                    + " or move the file away");
        }
        if (Files.isDirectory(abs)) {
            List<String> foreign = foreignEntries(abs);
            boolean empty = isEmpty(abs);
            if (!empty && !writtenByUcaudit(abs.resolve("summary.json"))) {
                throw new IllegalArgumentException("--out " + out + " holds files but is not a ucaudit report (no summary.json"
                        + " written by ucaudit); ucaudit replaces its --out folder as a whole, so give a new or empty folder");
            }
            if (!foreign.isEmpty()) {
                throw new IllegalArgumentException("--out " + out + " is a ucaudit report but also holds " + foreign.get(0)
                        + (foreign.size() > 1 ? " and " + (foreign.size() - 1) + " more files" : "")
                        + " that ucaudit did not write; ucaudit replaces the folder as a whole: move them out, or give another --out");
            }
        }
        Path existing = Files.isDirectory(parent) ? parent : nearestExisting(parent);
        if (!Files.isDirectory(existing)) {
            throw new IllegalArgumentException("--out " + out + ": " + existing + " is not a folder; give a folder path");
        }
        if (!Files.isWritable(existing) || (Files.isDirectory(abs) && !Files.isWritable(abs))) {
            Path denied = Files.isDirectory(abs) && !Files.isWritable(abs) ? abs : existing;
            throw new IllegalArgumentException("--out " + out + ": " + denied + " is not writable by this user (ucaudit writes"
                    + " the new report beside the old one, then renames it in); fix its permissions or give another --out");
        }
    }

    /** Writes a new report with {@code content} and swaps it in for {@code out}'s old content. */
    public void replace(Path out, Content content) throws IOException {
        Path abs = target(out);
        Path parent = abs.getParent();
        String name = abs.getFileName().toString();
        Files.createDirectories(parent);
        long pid = ProcessHandle.current().pid();
        Path fresh = parent.resolve("." + name + NEW + pid + "-" + staged.incrementAndGet());
        Files.createDirectory(fresh); // not createTempDirectory: that is 0700 whatever the umask
        Path aside = null;
        try {
            content.writeTo(fresh);
            if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
                aside = parent.resolve("." + name + OLD + pid);
                deleteReport(aside);
                Files.move(abs, aside, StandardCopyOption.ATOMIC_MOVE);
            }
            try {
                Files.move(fresh, abs, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                if (aside != null) {
                    Files.move(aside, abs, StandardCopyOption.ATOMIC_MOVE);
                }
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            deleteReport(fresh);
            throw e;
        }
        if (aside != null) {
            keepForeignFiles(aside, abs);
            deleteReport(aside);
        }
    }

    /** The folder swapped: --out itself, or where it points when it is a symbolic link (the link is kept). */
    private static Path target(Path out) throws IOException {
        Path abs = out.toAbsolutePath().normalize();
        return Files.isSymbolicLink(abs) && Files.isDirectory(abs) ? abs.toRealPath() : abs;
    }

    /** True when {@code summary} is a summary.json ucaudit wrote (its "tool" is "ucaudit"). */
    public static boolean writtenByUcaudit(Path summary) {
        if (!Files.isRegularFile(summary)) {
            return false;
        }
        try {
            JsonNode root = new ObjectMapper().readTree(summary.toFile());
            return root != null && "ucaudit".equals(root.path("tool").asText());
        } catch (IOException e) {
            return false;
        }
    }

    /** A run killed between its two renames left the old report aside and no --out: put it back; clear staged folders. */
    private static void restoreLeftovers(Path parent, String name) throws IOException {
        if (!Files.isDirectory(parent)) {
            return;
        }
        Path out = parent.resolve(name);
        try (DirectoryStream<Path> s = Files.newDirectoryStream(parent, "." + globEscape(name) + ".ucaudit-*")) {
            for (Path p : s) {
                String n = p.getFileName().toString();
                if (n.startsWith("." + name + OLD) && !Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
                    Files.move(p, out, StandardCopyOption.ATOMIC_MOVE);
                } else if (n.startsWith("." + name + NEW) || n.startsWith("." + name + OLD)) {
                    deleteReport(p);
                }
            }
        } catch (AccessDeniedException e) {
            // an unreadable parent folder: check() says so
        }
    }

    private static String globEscape(String s) {
        return s.replaceAll("([*?\\[\\]{}\\\\])", "\\\\$1");
    }

    /** Entries of a report folder that ucaudit did not write (report files and their temporaries are ucaudit's). */
    static List<String> foreignEntries(Path dir) throws IOException {
        List<String> foreign = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                if (!isReportFile(p)) {
                    foreign.add(p.getFileName().toString());
                }
            }
        }
        foreign.sort(null);
        return foreign;
    }

    private static boolean isReportFile(Path p) {
        String n = p.getFileName().toString();
        if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        if (REPORT_FILES.contains(n)) {
            return true;
        }
        return n.endsWith(".tmp") && REPORT_FILES.stream().anyMatch(f -> n.startsWith("." + f + "."));
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            return !s.iterator().hasNext();
        }
    }

    private static Path nearestExisting(Path p) {
        Path q = p;
        while (q != null && !Files.exists(q)) {
            q = q.getParent();
        }
        return q == null ? p.getRoot() : q;
    }

    /** Files a person put into the old report folder meanwhile move into the new one, never deleted. */
    private static void keepForeignFiles(Path aside, Path fresh) throws IOException {
        for (String n : foreignEntries(aside)) {
            Path target = fresh.resolve(n);
            if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                Files.move(aside.resolve(n), target, StandardCopyOption.ATOMIC_MOVE);
            }
        }
    }

    /** Deletes a report folder's own files, then the folder if that left it empty. */
    private static void deleteReport(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                if (isReportFile(p)) {
                    Files.deleteIfExists(p);
                }
            }
        }
        try {
            Files.delete(dir);
        } catch (DirectoryNotEmptyException | NoSuchFileException e) {
            // something ucaudit did not write: left where it is
        }
    }
}
