package dev.ucaudit.spark;

import dev.ucaudit.capture.CaptureException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.fs.UnsupportedFileSystemException;
import org.apache.hadoop.security.AccessControlException;

/**
 * Finds the capture files and the report folders under the paths a job is given, through Hadoop's
 * file systems (a local path or {@code file:}, {@code hdfs://}, {@code s3a://} and any other scheme
 * on the class path): a file is taken whatever its name (as a report's partial audit when it is
 * named {@code partial.bin.gz}), a folder is searched recursively for {@code .pcap},
 * {@code .pcapng}, {@code .cap} (also numbered by tcpdump {@code -C}: {@code .pcap1}, ...) and
 * {@code .gz} files and for report folders (leaving out names and folders that start
 * with {@code .} or {@code _}, as Hadoop's own tools do), and a glob ({@code s3a://b/2026-12-0[1-3]/})
 * is both. A report folder is one holding {@code partial.bin.gz}: that file is taken, and nothing
 * else in the folder or below it (its CSV and HTML files, a diff report in it) is searched. A path
 * that names nothing, or a folder with neither a capture nor a report folder, is an error: a job
 * never quietly audits less than it was asked to.
 */
public final class CaptureListing {
    /** Capture names, also as tcpdump -C numbers them ({@code cap.pcap1}, {@code cap.pcap2}, ...). */
    static final Pattern CAPTURE_NAME = Pattern.compile("(?i).+\\.((pcap|pcapng|cap)[0-9]*|gz)");
    private static final Pattern GLOB = Pattern.compile(".*[*?\\[{].*");
    /** What makes a folder a report folder a job merges, as audit --partial, live --partial and merge name it. */
    public static final String PARTIAL = "partial.bin.gz";

    /**
     * The capture files and the reports' partial audits found, each once, and the ones found again
     * (by another path or folder given).
     */
    public record Listing(List<CaptureFile> files, List<ReportPartial> reports, List<String> repeated) {
        public Listing {
            files = List.copyOf(files);
            reports = List.copyOf(reports);
            repeated = List.copyOf(repeated);
        }
    }

    /** What one path given holds. */
    private record Found(List<CaptureFile> files, List<ReportPartial> reports) {
    }

    private CaptureListing() {
    }

    /**
     * The capture files under {@code paths}, not yet in order ({@link InputOrder} numbers them), and
     * the partial audits of the report folders there, in the order found.
     */
    public static Listing list(Configuration conf, List<String> paths) throws CaptureException {
        Map<String, CaptureFile> files = new LinkedHashMap<>();
        Map<String, ReportPartial> reports = new LinkedHashMap<>();
        List<String> repeated = new ArrayList<>();
        for (String arg : paths) {
            Found found = listOne(conf, arg);
            for (CaptureFile f : found.files()) {
                if (files.putIfAbsent(f.path(), f) != null) {
                    repeated.add(f.name());
                }
            }
            for (ReportPartial r : found.reports()) {
                if (reports.putIfAbsent(r.path(), r) != null) {
                    repeated.add(r.name());
                }
            }
        }
        return new Listing(List.copyOf(files.values()), List.copyOf(reports.values()), repeated);
    }

    /** A URI with a scheme ({@code hdfs://}, {@code s3a://}, {@code file:/}) starts like this. */
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:/.*");

    /**
     * The path an argument names: a URI when it starts with a scheme, else a local path taken as it is, so
     * that a name holding ':' ({@code cap-2026-11-02T09:00:00.pcap}, as strftime's %T names files) is a
     * file name, not a scheme (Hadoop's Path(String) read it as one: URISyntaxException).
     */
    static Path path(String arg) {
        return SCHEME.matcher(arg).matches() || arg.isEmpty() ? new Path(arg) : new Path(null, null, arg);
    }

    private static FileStatus[] exactly(FileSystem fs, Path path) throws IOException {
        try {
            return new FileStatus[] {fs.getFileStatus(path)};
        } catch (FileNotFoundException e) {
            return new FileStatus[0];
        }
    }

    /**
     * The sites under {@code paths} ({@code spark --per-site}): each first-level folder under each path (or each
     * folder a glob matches) is a site, named by the folder's name, listed as {@link #list} lists a folder; folders
     * of the same name under two paths are one site (a site's days kept in folders by date). Names and folders
     * starting with {@code .} or {@code _} are left out. A capture or report lying directly under a path, in no
     * site folder, is an error, as is a path holding no site folder: a job never quietly audits less than asked.
     *
     * @return the sites by name, in name order (numbers as numbers)
     */
    public static Map<String, Listing> listSites(Configuration conf, List<String> paths) throws CaptureException {
        Map<String, List<String>> folders = new TreeMap<>(NaturalOrder.INSTANCE);
        for (String arg : paths) {
            try {
                Matched matched = matched(conf, arg, GLOB.matcher(arg).matches());
                FileSystem fs = matched.fs();
                int before = folders.values().stream().mapToInt(List::size).sum();
                for (Map.Entry<FileStatus, String> named : matched.named().entrySet()) {
                    FileStatus match = named.getKey();
                    String base = named.getValue();
                    if (!match.isDirectory()) {
                        throw new CaptureException(base + " is not in a site folder: --per-site takes each first-level"
                                + " folder under a PATH as a site");
                    }
                    for (FileStatus child : fs.listStatus(match.getPath())) {
                        String name = child.getPath().getName();
                        if (hidden(name)) {
                            continue;
                        }
                        if (!child.isDirectory()) {
                            if (CAPTURE_NAME.matcher(name).matches() || name.equals(PARTIAL)) {
                                throw new CaptureException(base + "/" + name + " is not in a site folder: --per-site takes"
                                        + " each first-level folder under a PATH as a site");
                            }
                            continue;
                        }
                        folders.computeIfAbsent(name, n -> new ArrayList<>()).add(base + "/" + name);
                    }
                }
                if (folders.values().stream().mapToInt(List::size).sum() == before) {
                    throw new CaptureException(arg + " holds no site folder (--per-site: one folder per site under each PATH)");
                }
            } catch (UnsupportedFileSystemException e) {
                throw new CaptureException(arg + ": no file system for its scheme on the class path (" + e.getMessage() + ")", e);
            } catch (FileNotFoundException e) {
                throw new CaptureException(arg + " does not exist", e);
            } catch (IOException | IllegalArgumentException e) {
                throw new CaptureException(arg + " cannot be listed: " + firstLine(e), e);
            }
        }
        Map<String, Listing> sites = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> site : folders.entrySet()) {
            Map<String, CaptureFile> files = new LinkedHashMap<>();
            List<ReportPartial> reports = new ArrayList<>();
            for (String folder : site.getValue()) {
                Found found = listOne(conf, folder, false);
                found.files().forEach(f -> files.putIfAbsent(f.path(), f));
                reports.addAll(found.reports());
            }
            sites.put(site.getKey(), new Listing(List.copyOf(files.values()), reports, List.of()));
        }
        return sites;
    }

    /** What a path names, each with how messages and reports name it, and their file system. */
    private record Matched(FileSystem fs, Map<FileStatus, String> named) {
    }

    private static Matched matched(Configuration conf, String arg, boolean glob) throws IOException, CaptureException {
        Path path = path(arg);
        FileSystem fs = path.getFileSystem(conf);
        // a name without a pattern is looked up as it is: Hadoop's globber reads a ':' in it as a scheme
        FileStatus[] matches = glob ? fs.globStatus(path) : exactly(fs, path);
        if (matches == null || matches.length == 0) {
            throw new CaptureException(arg + (glob ? " matches no file" : " does not exist"));
        }
        boolean localNames = path.toUri().getScheme() == null;
        Map<FileStatus, String> named = new LinkedHashMap<>();
        for (FileStatus match : matches) {
            named.put(match, glob ? display(match.getPath(), localNames) : arg.replaceAll("(?<=.)/+$", ""));
        }
        return new Matched(fs, named);
    }

    private static Found listOne(Configuration conf, String arg) throws CaptureException {
        return listOne(conf, arg, GLOB.matcher(arg).matches());
    }

    /** @param glob whether {@code arg} is a pattern (a site folder's name is taken as it is, whatever it holds) */
    private static Found listOne(Configuration conf, String arg, boolean glob) throws CaptureException {
        Found found = new Found(new ArrayList<>(), new ArrayList<>());
        try {
            Matched matched = matched(conf, arg, glob);
            FileSystem fs = matched.fs();
            for (Map.Entry<FileStatus, String> named : matched.named().entrySet()) {
                FileStatus match = named.getKey();
                String base = named.getValue();
                if (match.isDirectory()) {
                    search(fs, match, base, found);
                } else if (match.getPath().getName().equals(PARTIAL)) {
                    found.reports().add(new ReportPartial(match.getPath().toString(), base, match.getLen()));
                } else {
                    found.files().add(file(match, base));
                }
            }
            if (found.files().isEmpty() && found.reports().isEmpty()) {
                throw new CaptureException(arg + " holds no capture file (.pcap, .pcapng, .cap, .gz) and no report folder ("
                        + PARTIAL + ")");
            }
            return found;
        } catch (UnsupportedFileSystemException e) {
            throw new CaptureException(arg + ": no file system for its scheme on the class path (" + e.getMessage()
                    + "); s3a:// needs hadoop-aws and the AWS SDK (see docs/scale.md)", e);
        } catch (AccessControlException e) {
            throw new CaptureException(arg + " cannot be listed: permission denied", e);
        } catch (FileNotFoundException e) {
            throw new CaptureException(arg + " does not exist", e);
        } catch (IOException | IllegalArgumentException e) {
            throw new CaptureException(arg + " cannot be listed: " + firstLine(e), e);
        }
    }

    /**
     * The capture files and report folders in a folder and its sub-folders, named {@code base/relative/path}:
     * in a report folder only its partial.bin.gz is taken, and nothing below it.
     */
    private static void search(FileSystem fs, FileStatus folder, String base, Found found) throws IOException {
        String root = folder.getPath().toUri().getPath();
        List<LocatedFileStatus> visible = new ArrayList<>();
        List<String> relatives = new ArrayList<>();
        Set<String> reportFolders = new HashSet<>();
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(folder.getPath(), true);
        while (it.hasNext()) {
            LocatedFileStatus f = it.next();
            String relative = f.getPath().toUri().getPath().substring(root.length()).replaceFirst("^/+", "");
            if (f.isFile() && !hidden(relative)) {
                visible.add(f);
                relatives.add(relative);
                if (f.getPath().getName().equals(PARTIAL)) {
                    reportFolders.add(parentOf(relative));
                }
            }
        }
        for (int i = 0; i < visible.size(); i++) {
            LocatedFileStatus f = visible.get(i);
            String relative = relatives.get(i);
            String report = outermostReportFolder(relative, reportFolders);
            if (report == null) {
                if (CAPTURE_NAME.matcher(f.getPath().getName()).matches()) {
                    found.files().add(file(f, base + "/" + relative));
                }
            } else if (relative.equals(report.isEmpty() ? PARTIAL : report + "/" + PARTIAL)) {
                found.reports().add(new ReportPartial(f.getPath().toString(), base + "/" + relative, f.getLen()));
            }
        }
    }

    /** The folder of a relative path ({@code ""} for the folder searched). */
    private static String parentOf(String relative) {
        int slash = relative.lastIndexOf('/');
        return slash < 0 ? "" : relative.substring(0, slash);
    }

    /** The outermost of the file's folders (from the folder searched down) that is a report folder, or null. */
    private static String outermostReportFolder(String relative, Set<String> reportFolders) {
        if (reportFolders.contains("")) {
            return "";
        }
        for (int slash = relative.indexOf('/'); slash >= 0; slash = relative.indexOf('/', slash + 1)) {
            String folder = relative.substring(0, slash);
            if (reportFolders.contains(folder)) {
                return folder;
            }
        }
        return null;
    }

    /** A name or folder starting with . or _ (Hadoop's hidden files: _SUCCESS, _temporary/, .staging/). */
    private static boolean hidden(String relative) {
        for (String part : relative.split("/")) {
            if (part.startsWith(".") || part.startsWith("_")) {
                return true;
            }
        }
        return false;
    }

    private static CaptureFile file(FileStatus f, String name) {
        Path parent = f.getPath().getParent();
        return new CaptureFile(f.getPath().toString(), name, parent == null ? "" : parent.toString(), f.getLen(),
                f.getModificationTime(), 0);
    }

    /** A local file's path without {@code file:} when the user gave a plain path, as {@code ucaudit audit} names it. */
    private static String display(Path path, boolean localNames) {
        String scheme = path.toUri().getScheme();
        return localNames && scheme != null && scheme.toLowerCase(Locale.ROOT).equals("file") ? path.toUri().getPath()
                : path.toString();
    }

    static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
