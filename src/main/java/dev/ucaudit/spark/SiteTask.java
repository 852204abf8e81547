package dev.ucaudit.spark;

import java.io.Serializable;
import java.util.List;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;

/**
 * What one Spark task of a {@code --per-site} job does: phase one of the audit on some consecutive files of
 * one site ({@link PartialTask#partial}), as inputs of that site's run (named by the site's first file, as
 * that site's own audit names it).
 */
final class SiteTask implements Function<SiteTask.Files, SiteTask.Partial> {
    private static final long serialVersionUID = 1L;
    private final Broadcast<ConfigCopy> config;
    private final Broadcast<HadoopConf> hadoop;

    /**
     * @param site  the site's place in the job's list of sites
     * @param run   the name of the site's run: its first file's name
     * @param files consecutive files of the site, numbered in the site's own order
     */
    record Files(int site, String run, List<CaptureFile> files) implements Serializable {
        Files {
            files = List.copyOf(files);
        }
    }

    /** A task's partial audit, as shipped, and the site it belongs to. */
    record Partial(int site, byte[] bytes) implements Serializable {
    }

    SiteTask(Broadcast<ConfigCopy> config, Broadcast<HadoopConf> hadoop) {
        this.config = config;
        this.hadoop = hadoop;
    }

    @Override
    public Partial call(Files files) throws Exception {
        return new Partial(files.site(), PartialTask.partial(config.value().load(), hadoop.value().get(), files.run(),
                files.files().iterator()));
    }
}
