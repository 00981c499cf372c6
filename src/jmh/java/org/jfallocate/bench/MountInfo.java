package org.jfallocate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The mount a directory lives on, from /proc/self/mounts (the longest mount point that
 * covers it): its type as the mount table names it, its source device and its options.
 */
public record MountInfo(String type, String device, String mountPoint, String options) {

    /** The mount that holds {@code dir}. */
    public static MountInfo of(Path dir) throws IOException {
        String path = dir.toRealPath().toString();
        MountInfo best = new MountInfo("unknown", "unknown", "", "");
        for (String line : Files.readAllLines(Path.of("/proc/self/mounts"))) {
            String[] f = line.split(" ");
            if (f.length < 4) {
                continue;
            }
            String mnt = unescape(f[1]);
            boolean covers = path.equals(mnt) || path.startsWith(mnt.endsWith("/") ? mnt : mnt + "/");
            if (covers && mnt.length() >= best.mountPoint().length()) {
                best = new MountInfo(f[2], unescape(f[0]), mnt, f[3]);
            }
        }
        return best;
    }

    /** The mount table writes space, tab, newline and backslash as octal escapes. */
    private static String unescape(String s) {
        return s.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n").replace("\\134", "\\");
    }
}
