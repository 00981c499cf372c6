package org.jfallocate.bench;

import java.util.Optional;

/**
 * Whether the file a hole-operation benchmark works on is in the page cache when the measured
 * call starts, the {@code cache} parameter: both rivals of a question get the same. The names
 * are lower case because they are the parameter's values, {@code -p cache=warm,cold}.
 */
public enum Cache implements Requirement.Gated {
    /** Just written and synced: every page still cached, as right after a program wrote it. */
    warm(Requirement.NOTHING),
    /** Synced, then dropped from the page cache ({@link PageCache}): reads come from the device. */
    cold(dir -> dir.type().equals("tmpfs")
            ? Optional.of("no device: a tmpfs file lives in the page cache, it cannot be read cold")
            : Optional.empty());

    private final Requirement requirement;

    Cache(Requirement requirement) {
        this.requirement = requirement;
    }

    @Override
    public Requirement requirement() {
        return requirement;
    }
}
