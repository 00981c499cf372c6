package org.jfallocate.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The filesystem type of a directory, from /proc/self/mounts (longest matching mount point). */
final class MountTable {
    private MountTable() {
    }

    static String typeOf(Path dir) throws IOException {
        String path = dir.toRealPath().toString();
        String best = "";
        String type = "unknown";
        for (String line : Files.readAllLines(Path.of("/proc/self/mounts"))) {
            String[] f = line.split(" ");
            String mnt = f[1].replace("\\040", " ");
            boolean covers = path.equals(mnt) || path.startsWith(mnt.endsWith("/") ? mnt : mnt + "/");
            if (covers && mnt.length() >= best.length()) {
                best = mnt;
                type = f[2];
            }
        }
        return type;
    }
}
