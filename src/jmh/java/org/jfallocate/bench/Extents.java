package org.jfallocate.bench;

import java.io.IOException;
import java.nio.file.Path;

import org.jfallocate.Extent;
import org.jfallocate.FileLayout;

/**
 * The fragments of a file: its FIEMAP extents ({@link FileLayout}) with the ones that
 * continue each other on the device counted once, as filefrag(8) counts them (a filesystem
 * may split one contiguous run into several extent records, e.g. written and unwritten).
 */
final class Extents {
    private Extents() {
    }

    static long count(Path file) throws IOException {
        long fragments = 0;
        Extent previous = null;
        for (Extent e : FileLayout.of(file).extents()) {
            boolean continues = previous != null
                    && previous.logicalOffset() + previous.length() == e.logicalOffset()
                    && previous.physicalOffset() + previous.length() == e.physicalOffset();
            if (!continues) {
                fragments++;
            }
            previous = e;
        }
        return fragments;
    }
}
