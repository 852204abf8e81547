package dev.ucaudit.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What one Spark task reads: some consecutive files of one site (the whole job's files when there are no
 * sites), as inputs of that site's run, named by the site's first file as that site's own audit names it.
 *
 * @param site  the site's place in the job's list of sites (0 without {@code --per-site})
 * @param run   the name of the site's run: its first file's name
 * @param files consecutive files of the site, numbered in the site's own order
 */
record TaskFiles(int site, String run, List<CaptureFile> files) implements Serializable {
    TaskFiles {
        files = List.copyOf(files);
    }

    /** {@code files} (numbered, one site's) cut into tasks of {@code perTask} consecutive files. */
    static List<TaskFiles> cut(int site, List<CaptureFile> files, int perTask) {
        List<TaskFiles> tasks = new ArrayList<>();
        for (int from = 0; from < files.size(); from += perTask) {
            tasks.add(new TaskFiles(site, files.get(0).name(), files.subList(from, Math.min(files.size(), from + perTask))));
        }
        return tasks;
    }
}
