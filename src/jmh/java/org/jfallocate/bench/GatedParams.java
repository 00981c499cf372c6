package org.jfallocate.bench;

import java.util.List;
import java.util.Map;

/**
 * The benchmark parameters whose values a filesystem may refuse, each value with its
 * {@link Requirement}. The runner passes JMH only the values a directory supports and reports
 * the others as unsupported; a new parameter of this kind (a write path, say) is one entry here.
 */
final class GatedParams {
    private GatedParams() {
    }

    /** Parameter name to every value it can take, in the order JMH lists them. */
    static final Map<String, List<? extends Requirement.Gated>> ALL = Map.of(
            "strategy", List.of(Strategy.values()),
            "writePath", List.of(WritePath.values()),
            "cache", List.of(Cache.values()));
}
