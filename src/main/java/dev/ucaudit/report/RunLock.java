package dev.ucaudit.report;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * A lock on something two runs must not write at once (a report folder, a state file): a lock file
 * holding the holder's pid, locked with {@link FileChannel#tryLock}. The lock goes with the process,
 * so a killed run never leaves it held. The file itself stays (removing it would let a third run lock
 * a fresh file while a second still holds the old one).
 *
 * <p>What is locked is the real thing, not a name: a report folder's lock file lies beside the real
 * folder (every link on the way resolved, a dangling one too: a link to a report not yet written
 * names the report it would write), and the lock is held on the lock file's identity ({@link
 * BasicFileAttributes#fileKey()}: device and inode), which every path reaching that folder shares,
 * through links or a bind mount of a folder above it. The lock file is never a link (one planted at
 * its name is refused) and is checked to be the file the lock was taken on.
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
     * its nearest existing folder with the rest of the path added). A dangling link is followed to where it
     * points: what would be written through it.
     */
    public static Path realPath(Path path) throws IOException {
        Path abs = path.toAbsolutePath().normalize();
        for (int hops = 0; hops < MAX_LINKS && !Files.exists(abs) && Files.isSymbolicLink(abs); hops++) {
            abs = abs.resolveSibling(Files.readSymbolicLink(abs)).normalize();
        }
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        return existing.toRealPath().resolve(existing.relativize(abs)).normalize();
    }

    /** Links followed at most, as Linux's own limit (a loop of links ends there). */
    private static final int MAX_LINKS = 40;

    /**
     * The lock file for a file such as the state file: {@code .NAME.lock} beside it (the file is replaced by a
     * rename under that name, a link too; a path through a linked folder reaches the same lock file).
     */
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
        for (int attempt = 1; ; attempt++) {
            fileKey(lockFile, what); // a link planted at the name is refused in words (opening it would fail as a loop)
            FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS);
            try {
                Object opened = fileKey(lockFile, what);
                RunLock taken = lockOrRefuse(ch, lockFile, what);
                if (Objects.equals(opened, fileKeyNow(lockFile)) || attempt == 3) {
                    return taken;
                }
                taken.close(); // the name was given another file meanwhile: lock the file the name holds now
            } catch (IOException | RuntimeException e) {
                ch.close(); // closing the channel releases a lock taken on it
                throw e;
            }
        }
    }

    /** The lock file's identity now, or a value equal to no identity when it cannot be read (the next attempt says why). */
    private static Object fileKeyNow(Path lockFile) {
        try {
            return Files.readAttributes(lockFile, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        } catch (IOException e) {
            return new Object();
        }
    }

    /** The identity of the lock file (null when it does not exist yet, or the file system has none); never a link. */
    private static Object fileKey(Path lockFile, String what) throws IOException {
        try {
            BasicFileAttributes a = Files.readAttributes(lockFile, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!a.isRegularFile()) {
                throw new IllegalArgumentException(what + ": the lock file " + lockFile + " is not a regular file (a link or a"
                        + " folder that ucaudit did not make); remove it, or give this run another " + what.split(" ")[0]);
            }
            return a.fileKey();
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private static RunLock lockOrRefuse(FileChannel ch, Path lockFile, String what) throws IOException {
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
