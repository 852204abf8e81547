package dev.ucaudit.report;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A lock on something two runs must not write at once (a report folder, a state file): a lock file
 * holding the holder's pid, locked with {@link FileChannel#tryLock}. The lock goes with the process,
 * so a killed run never leaves it held. The file itself stays (removing it would let a third run lock
 * a fresh file while a second still holds the old one).
 */
public final class RunLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * The lock file for a report folder: {@code .NAME.ucaudit-lock} beside the real folder, so that two
     * names of one folder ({@code rep} and a link to it, a path through a linked folder) take one lock.
     */
    public static Path besideFolder(Path dir) throws IOException {
        Path real = realPath(dir);
        return real.resolveSibling("." + real.getFileName() + ".ucaudit-lock");
    }

    /**
     * Where {@code path} really is: every link on the way resolved (the path itself when it exists, else
     * its nearest existing folder with the rest of the path added).
     */
    public static Path realPath(Path path) throws IOException {
        Path abs = path.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        return existing.toRealPath().resolve(existing.relativize(abs)).normalize();
    }

    /** The lock file for a file such as the state file: {@code .NAME.lock} beside it. */
    public static Path besideFile(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return abs.resolveSibling("." + abs.getFileName() + ".lock");
    }

    /**
     * Takes the lock in {@code lockFile} for {@code what} (e.g. "--out reports/today"), or throws
     * IllegalArgumentException naming the pid that holds it.
     */
    public static RunLock acquire(Path lockFile, String what) throws IOException {
        Files.createDirectories(lockFile.toAbsolutePath().getParent());
        FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this very process (another thread or command run in the same JVM)
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        if (lock == null) {
            String holder = holder(ch);
            ch.close();
            throw new IllegalArgumentException(what + " is in use by another ucaudit run (" + holder + ", lock file " + lockFile
                    + "); wait for it to end, or give this run its own " + what.split(" ")[0]);
        }
        ch.truncate(0);
        ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
        ch.force(false);
        return new RunLock(ch, lock);
    }

    private static String holder(FileChannel ch) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(64);
        ch.read(b, 0);
        String pid = new String(b.array(), 0, b.position(), StandardCharsets.US_ASCII).trim();
        return pid.matches("\\d+") ? "pid " + pid : "pid unknown";
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
