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
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Replaces a report folder as a whole: the new report is written into a sibling folder
 * ({@code .NAME.ucaudit-new-PID-RANDOM}, created exclusively under a name no one can guess), then the old
 * folder is renamed aside ({@code .NAME.ucaudit-old-PID-RANDOM}),
 * the new one renamed in, and the old one removed. A full disk, a crash or SIGKILL part-way leaves the
 * old report or the new one, never a mix; {@link #check} puts back an old report a killed run left
 * aside and clears its half-written sibling.
 *
 * <p>Only files ucaudit writes are ever deleted: {@link #check} refuses a folder that is not a ucaudit
 * report, and any other file found in the old folder at swap time is moved into the new one.
 *
 * <p>In a folder others may write (a sticky /tmp, a shared reports folder) a leftover is repaired only
 * when this user made it: a real folder (never a link, never followed) owned by this user, and, to be
 * put back as the report, holding a summary.json ucaudit wrote. Entries of other users are never touched.
 */
public final class ReportFolderSwap {
    /** Every file a report folder may hold (summary.json marks it as ucaudit's). */
    public static final Set<String> REPORT_FILES = Set.of("flows.csv", "conversations.csv", "unused.csv", "report.html",
            SummaryKeys.FILE, "escaped.csv", "unused-allowed.csv", "unused-history.csv", "partial.bin.gz");
    private static final String NEW = ".ucaudit-new-";
    private static final String OLD = ".ucaudit-old-";

    /** Longest file name most file systems take (ext4, xfs, btrfs, tmpfs: 255 bytes). */
    static final int MAX_NAME_BYTES = 255;
    /** The longest suffix a name the swap creates beside --out has: {@code .ucaudit-new-PID-RANDOM}. */
    private static final int SUFFIX_BYTES = NEW.length() + 20 + 1 + 16;
    private static final SecureRandom RANDOM = new SecureRandom();

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
        int longest = ("." + name).getBytes(StandardCharsets.UTF_8).length + SUFFIX_BYTES;
        if (longest > MAX_NAME_BYTES) {
            throw new IllegalArgumentException("--out " + out + ": the name is too long for the folders a run creates beside it"
                    + " (." + (name.length() > 20 ? name.substring(0, 20) + "…" : name) + NEW + "PID-RANDOM: up to " + longest
                    + " bytes, at most " + MAX_NAME_BYTES + "); give a name of at most "
                    + (MAX_NAME_BYTES - SUFFIX_BYTES - 1) + " bytes");
        }
        restoreLeftovers(parent, name);
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new IllegalArgumentException("--out " + out + " is a file, not a folder; give a folder name (it is created)"
                    + " or move the file away");
        }
        if (Files.isDirectory(abs)) {
            List<String> foreign = foreignEntries(abs);
            boolean empty = isEmpty(abs);
            if (!empty && !writtenByUcaudit(abs.resolve(SummaryKeys.FILE))) {
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
        if (Files.isDirectory(parent)) {
            // every name the run creates, created once now: a name that cannot be, fails before any packet is read
            Files.delete(stagingFolder(parent, name));
        }
    }

    /** A new, empty staging folder beside --out, made exclusively under a name no one can guess. */
    private static Path stagingFolder(Path parent, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path fresh = parent.resolve("." + name + NEW + ProcessHandle.current().pid() + "-" + randomHex());
            try {
                return Files.createDirectory(fresh); // exclusive; not createTempDirectory: that is 0700 whatever the umask
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }

    private static String randomHex() {
        return HexFormat.of().toHexDigits(RANDOM.nextLong());
    }

    /** Writes a new report with {@code content} and swaps it in for {@code out}'s old content. */
    public void replace(Path out, Content content) throws IOException {
        Path abs = target(out);
        Path parent = abs.getParent();
        String name = abs.getFileName().toString();
        Files.createDirectories(parent);
        long pid = ProcessHandle.current().pid();
        Path fresh = stagingFolder(parent, name);
        Path aside = null;
        try {
            content.writeTo(fresh);
            if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
                aside = parent.resolve("." + name + OLD + pid + "-" + randomHex());
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
        if (!Files.isRegularFile(summary, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try {
            JsonNode root = new ObjectMapper().readTree(summary.toFile());
            return root != null && SummaryKeys.TOOL_NAME.equals(root.path(SummaryKeys.TOOL).asText());
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * A run killed between its two renames left the old report aside and no --out: put it back; clear
     * staged folders. Only this user's real folders are repaired (see the class comment): another
     * user's entry is left alone, and one of this user's that is not a folder is refused.
     */
    private static void restoreLeftovers(Path parent, String name) throws IOException {
        if (!Files.isDirectory(parent)) {
            return;
        }
        Path out = parent.resolve(name);
        UserPrincipal me = null;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(parent, "." + globEscape(name) + ".ucaudit-*")) {
            for (Path p : s) {
                String n = p.getFileName().toString();
                boolean old = n.startsWith("." + name + OLD);
                if (!old && !n.startsWith("." + name + NEW)) {
                    continue;
                }
                me = me != null ? me : currentUser(parent);
                if (!me.equals(Files.getOwner(p, LinkOption.NOFOLLOW_LINKS))) {
                    continue; // another user's: never touched, never followed
                }
                if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    throw new IllegalArgumentException("--out " + out + ": " + p + " is not a folder a ucaudit run left (a link"
                            + " or a file); ucaudit does not follow or repair it: remove it, or give another --out");
                }
                if (old && !Files.exists(out, LinkOption.NOFOLLOW_LINKS) && writtenByUcaudit(p.resolve(SummaryKeys.FILE))) {
                    Files.move(p, out, StandardCopyOption.ATOMIC_MOVE);
                } else {
                    deleteReport(p);
                }
            }
        } catch (AccessDeniedException e) {
            // an unreadable parent folder: check() says so
        }
    }

    /** This process's user, as the owner of the files it creates. */
    private static UserPrincipal currentUser(Path folder) throws IOException {
        return folder.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(System.getProperty("user.name"));
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
