package dev.ucaudit.cli;

import java.io.OutputStream;
import dev.ucaudit.engine.PartialAudit;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/** Partial audits on disk: the temporary file beside --out, and reading one from a report folder. */
final class PartialFiles {
    private PartialFiles() {
    }

    /**
     * A new hidden file beside {@code out} (same file system, so it moves into the report by a
     * rename), with the permissions the umask gives like the report's other files; deleted at exit if left.
     */
    static Path temporary(Path out) throws IOException {
        Path file = temporaryIn(out.toAbsolutePath().normalize().getParent());
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
        for (;;) {
            Path file = folder.resolve(".ucaudit-partial-" + Long.toUnsignedString(ThreadLocalRandom.current().nextLong()) + ".tmp");
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
        Path file = Files.isDirectory(reportOrFile) ? reportOrFile.resolve(AuditSession.PARTIAL) : reportOrFile;
        if (!Files.exists(file)) {
            throw new IOException(Files.isDirectory(reportOrFile)
                    ? reportOrFile + " has no " + AuditSession.PARTIAL + ": audit its captures again with --partial to merge it"
                    : file + " does not exist");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return PartialAudit.read(in, file.toString());
        }
    }
}
