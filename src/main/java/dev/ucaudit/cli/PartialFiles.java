package dev.ucaudit.cli;

import java.io.OutputStream;
import dev.ucaudit.engine.PartialAudit;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import dev.ucaudit.engine.PartialBudget;
import java.nio.file.DirectoryStream;
import java.nio.file.LinkOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.UserPrincipal;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Partial audits on disk: the temporary file beside --out, and reading one from a report folder. */
final class PartialFiles {
    /** A temporary partial file's name starts with this (after the report's name, beside a report). */
    static final String LEFTOVER = ".ucaudit-partial-";

    private PartialFiles() {
    }

    /**
     * A new hidden file beside {@code out} (same file system, so it moves into the report by a
     * rename), with the permissions the umask gives like the report's other files; deleted at exit if left.
     */
    static Path temporary(Path out) throws IOException {
        Path file = temporaryIn(out.toAbsolutePath().normalize().getParent(), prefixFor(out));
        file.toFile().deleteOnExit();
        return file;
    }

    /** {@code partial} written to a new hidden file beside {@code out} (see {@link #temporary}), for the report to take in. */
    static Path written(Path out, PartialAudit partial) throws IOException {
        Path file = temporary(out);
        try (OutputStream o = Files.newOutputStream(file)) {
            partial.write(o);
        }
        return file;
    }

    /**
     * A new hidden file in {@code folder}, not registered for deletion at exit (a live run makes one per
     * period for days: it deletes or moves each itself). Its permissions follow the umask, as the
     * report's other files (createTempFile would make it readable by its owner only).
     */
    static Path temporaryIn(Path folder) throws IOException {
        return temporaryIn(folder, LEFTOVER);
    }

    static Path temporaryIn(Path folder, String prefix) throws IOException {
        for (;;) {
            Path file = folder.resolve(prefix + Long.toUnsignedString(ThreadLocalRandom.current().nextLong()) + ".tmp");
            try {
                return Files.createFile(file);
            } catch (FileAlreadyExistsException e) {
                // another name
            }
        }
    }

    /**
     * The partial audit of a report folder (its partial.bin.gz) or of a partial file named directly.
     *
     * @throws IOException with a message naming the file and saying what to do
     */
    static PartialAudit read(Path reportOrFile) throws IOException {
        return read(reportOrFile, PartialBudget.ofHeap()).partial();
    }

    /**
     * A partial audit read, and the digest of its file's bytes (the same partial given twice, or through a
     * link such as live's {@code latest}, is read once).
     */
    record Read(Path file, PartialAudit partial, String digest) {
    }

    /** As {@link #read(Path)}, counting what it holds against {@code budget}; gives the file's digest too. */
    static Read read(Path reportOrFile, PartialBudget budget) throws IOException {
        Path file = Files.isDirectory(reportOrFile) ? reportOrFile.resolve(AuditSession.PARTIAL) : reportOrFile;
        if (!Files.exists(file)) {
            throw new IOException(Files.isDirectory(reportOrFile)
                    ? reportOrFile + " has no " + AuditSession.PARTIAL + ": audit its captures again with --partial to merge it"
                    : file + " does not exist");
        }
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            PartialAudit partial = PartialAudit.read(in, file.toString(), budget);
            in.transferTo(OutputStream.nullOutputStream()); // the digest covers the whole file
            return new Read(file, partial, HexFormat.of().formatHex(digest.digest()));
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /**
     * Removes this user's temporary partial files starting with {@code prefix} in {@code folder}, left by
     * a run killed before it moved them into its report. Called under the lock of the report (or period
     * folder) they belong to, so no running process still writes them. Never another user's file, never
     * a link; a folder that cannot be listed removes nothing (a leftover is only space).
     *
     * @return how many were removed
     */
    static int removeLeftovers(Path folder, String prefix) {
        int removed = 0;
        if (folder == null || !Files.isDirectory(folder)) {
            return 0;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(folder, p -> {
            String n = p.getFileName().toString();
            return n.startsWith(prefix) && n.endsWith(".tmp");
        })) {
            UserPrincipal me = null;
            for (Path p : s) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (!a.isRegularFile()) {
                    continue;
                }
                if (me == null) {
                    me = folder.getFileSystem().getUserPrincipalLookupService()
                            .lookupPrincipalByName(System.getProperty("user.name"));
                }
                if (me.equals(Files.getOwner(p, LinkOption.NOFOLLOW_LINKS)) && Files.deleteIfExists(p)) {
                    removed++;
                }
            }
        } catch (IOException | UnsupportedOperationException e) {
            // nothing (more) removed is no harm
        }
        return removed;
    }

    /** The temporary partial files of the report {@code out} start with this (in its parent folder). */
    static String prefixFor(Path out) {
        return "." + out.toAbsolutePath().normalize().getFileName() + LEFTOVER;
    }
}
