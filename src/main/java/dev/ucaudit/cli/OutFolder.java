package dev.ucaudit.cli;

import java.nio.file.FileSystemException;
import dev.ucaudit.report.ReportFolderSwap;
import dev.ucaudit.report.RunLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code audit} and {@code live} check and lock before reading any packet: {@code --out} can take
 * a report (see {@link ReportFolderSwap#check}), no other run writes the same {@code --out} or the same
 * {@code --state}. With {@code live --rotate}, {@code --out} holds a folder per period and is checked as
 * a writable folder only. Problems are IllegalArgumentExceptions (one line, exit status 2).
 */
final class OutFolder implements AutoCloseable {
    private final List<RunLock> locks;

    private OutFolder(List<RunLock> locks) {
        this.locks = locks;
    }

    static OutFolder claim(Path out, Path state, boolean periodFolders) throws IOException {
        List<RunLock> locks = new ArrayList<>();
        String what = "--out " + out;
        try {
            if (out.toAbsolutePath().normalize().getFileName() == null) {
                throw new IllegalArgumentException("--out " + out + ": ucaudit does not write into the root folder; name a folder"
                        + " of its own, e.g. --out /var/lib/ucaudit/report");
            }
            if (periodFolders) {
                checkPeriodFolder(out);
                locks.add(RunLock.acquire(RunLock.realPath(out).resolve(".ucaudit-lock"), "--out " + out));
                PartialFiles.removeLeftovers(out, PartialFiles.LEFTOVER); // a killed run's, under the lock
            } else {
                Path parent = out.toAbsolutePath().normalize().getParent();
                if (!Files.isDirectory(parent)) {
                    checkCreatable(out, parent);
                }
                locks.add(RunLock.acquire(RunLock.besideFolder(out), "--out " + out));
                new ReportFolderSwap().check(out);
                // a killed run's temporary partial of this report, removed under its lock
                PartialFiles.removeLeftovers(out.toAbsolutePath().normalize().getParent(), PartialFiles.prefixFor(out));
            }
            if (state != null) {
                what = "--state " + state;
                if (Files.isDirectory(state)) {
                    throw new IllegalArgumentException("--state " + state + " is a folder; give a file name such as "
                            + state.resolve("ucaudit-state.json"));
                }
                Path stateFolder = state.toAbsolutePath().normalize().getParent();
                if (!Files.exists(state) && (stateFolder == null || !Files.exists(stateFolder))) {
                    // the lock file must not create the folder: a missing folder is a mistyped --state
                    throw new IllegalArgumentException(state + ": the --state file does not exist and its folder " + stateFolder
                            + " does not either (create the folder for a first run); nothing was audited");
                }
                locks.add(RunLock.acquire(RunLock.besideFile(state), "--state " + state));
            }
            return new OutFolder(locks);
        } catch (IOException | RuntimeException e) {
            for (RunLock l : locks) {
                l.close();
            }
            if (e instanceof FileSystemException fse) {
                throw new IllegalArgumentException(what + ": " + ErrorHandler.describe(fse)
                        + "; give a path in a folder this user can create and write");
            }
            throw e;
        }
    }

    private static void checkPeriodFolder(Path out) {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out " + out + " is a file, not a folder; with --rotate, --out is the folder"
                    + " the period folders go into: give a folder name (it is created) or move the file away");
        }
        if (Files.isDirectory(out) && !Files.isWritable(out)) {
            throw new IllegalArgumentException("--out " + out + " is not writable by this user; fix its permissions or give another --out");
        }
        if (!Files.exists(out)) {
            checkCreatable(out, out.toAbsolutePath().normalize().getParent());
        }
    }

    /** The nearest existing ancestor must be a folder this user can write, so the folder can be created. */
    private static void checkCreatable(Path out, Path from) {
        Path q = from;
        while (q != null && !Files.exists(q)) {
            q = q.getParent();
        }
        if (q == null) {
            return;
        }
        if (!Files.isDirectory(q)) {
            throw new IllegalArgumentException("--out " + out + ": " + q + " is a file, not a folder; give a folder path");
        }
        if (!Files.isWritable(q)) {
            throw new IllegalArgumentException("--out " + out + ": cannot create it, " + q + " is not writable by this user;"
                    + " give a folder this user can write (or create it first with the right owner)");
        }
    }

    @Override
    public void close() throws IOException {
        for (RunLock l : locks) {
            l.close();
        }
    }
}
