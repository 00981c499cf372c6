package org.jfallocate.bench;

import org.jfallocate.FallocateMode;

/**
 * The benchmark methods that need something of the filesystem beyond their parameters'
 * values: the runner leaves them out where the need is unmet and writes an unsupported row.
 */
enum MethodNeeds {
    PUNCH_HOLE("PunchHoleBenchmark.punchHole", Requirement.fallocate(FallocateMode.PUNCH_HOLE)),
    COLLAPSE_RANGE("CollapseRangeBenchmark.collapseRange", Requirement.fallocate(FallocateMode.COLLAPSE_RANGE)),
    INSERT_RANGE("InsertRangeBenchmark.insertRange", Requirement.fallocate(FallocateMode.INSERT_RANGE)),
    /** It counts the extents of what it wrote. */
    EXTENT_MAP("FragmentationBenchmark.interleavedAppends", Requirement.extentMap());

    private final String benchmark;
    private final Requirement requirement;

    MethodNeeds(String benchmark, Requirement requirement) {
        this.benchmark = benchmark;
        this.requirement = requirement;
    }

    /** "Class.method" of the benchmark that has this need. */
    String benchmark() {
        return benchmark;
    }

    Requirement requirement() {
        return requirement;
    }
}
