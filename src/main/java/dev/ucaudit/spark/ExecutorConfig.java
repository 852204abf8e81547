package dev.ucaudit.spark;

import dev.ucaudit.engine.PhaseOne;
import java.io.Serializable;

/**
 * The audit's config as broadcast to the executors: the copy of its files ({@link ConfigCopy}), loaded once
 * per executor (per deserialized broadcast value) at its first task and shared by the tasks that follow,
 * with what phase one works out from it ({@link PhaseOne}).
 */
final class ExecutorConfig implements Serializable {
    private static final long serialVersionUID = 1L;
    private final ConfigCopy copy;
    private transient PhaseOne loaded;

    ExecutorConfig(ConfigCopy copy) {
        this.copy = copy;
    }

    synchronized PhaseOne phaseOne() {
        if (loaded == null) {
            loaded = new PhaseOne(copy.load());
        }
        return loaded;
    }
}
