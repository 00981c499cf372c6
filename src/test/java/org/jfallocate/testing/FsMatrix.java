package org.jfallocate.testing;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code JFALLOCATE_MATRIX}, the filesystems bin/with-fs-matrix mounted ("ext4=/mnt/a xfs=/mnt/b
 * ..."), read in one place.
 */
public final class FsMatrix {
    /** The environment variable bin/with-fs-matrix sets. */
    public static final String VARIABLE = "JFALLOCATE_MATRIX";

    private FsMatrix() {
    }

    /** This run's matrix: mount points by filesystem type, in the variable's order; empty without one. */
    public static Map<String, Path> ofEnvironment() {
        return parse(System.getenv(VARIABLE));
    }

    /** The variable as set, for messages ("" when unset). */
    public static String raw() {
        String value = System.getenv(VARIABLE);
        return value != null ? value : "";
    }

    /** {@code value} read as the variable's "TYPE=DIR ..." form; words without "TYPE=" are ignored. */
    public static Map<String, Path> parse(String value) {
        Map<String, Path> matrix = new LinkedHashMap<>();
        if (value != null && !value.isBlank()) {
            for (String entry : value.trim().split("\\s+")) {
                int eq = entry.indexOf('=');
                if (eq > 0) {
                    matrix.put(entry.substring(0, eq), Path.of(entry.substring(eq + 1)));
                }
            }
        }
        return Collections.unmodifiableMap(matrix);
    }
}
