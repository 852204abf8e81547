package dev.ucaudit.cli;

import dev.ucaudit.engine.PartialAudit;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Partial audits on disk: the temporary file beside --out, and reading one from a report folder. */
final class PartialFiles {
    private PartialFiles() {
    }

    /**
     * A new hidden file beside {@code out} (same file system, so it moves into the report by a
     * rename), with the permissions the umask gives like the report's other files; deleted at exit if left.
     */
    static Path temporary(Path out) throws IOException {
        Path parent = out.toAbsolutePath().normalize().getParent();
        Path file = parent.resolve(".ucaudit-partial-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".tmp");
        Files.newOutputStream(file, java.nio.file.StandardOpenOption.CREATE_NEW).close();
        file.toFile().deleteOnExit();
        return file;
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
