package org.jfallocate.faults;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.jfallocate.testing.TestFilesystems;

/** A fresh directory on one filesystem of the matrix, or the test is skipped with the reason. */
final class Matrix {
    private Matrix() {
    }

    static Path dirOn(String type, String name) {
        var fs = TestFilesystems.ofType(type);
        assumeTrue(fs.isPresent(), TestFilesystems.whyMissing(type));
        return fs.get().freshDir(name);
    }
}
