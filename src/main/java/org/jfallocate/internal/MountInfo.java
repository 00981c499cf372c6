package org.jfallocate.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The mount table of this process, {@code /proc/self/mountinfo}, which names filesystems the
 * way {@code mount} does (ext2, ext3 and ext4 share one statfs magic number; this tells them
 * apart) and gives each mount's device as major:minor.
 */
public final class MountInfo {
    private MountInfo() {
    }

    private static final Path MOUNTINFO = Path.of("/proc/self/mountinfo");

    /**
     * One line of mountinfo(5).
     *
     * @param options the mount's options then its superblock's, without repeats, as /proc/self/mounts lists them
     */
    public record Mount(int major, int minor, Path mountPoint, String type, String source, String options) {
        /** A mount whose options are not known. */
        public Mount(int major, int minor, Path mountPoint, String type, String source) {
            this(major, minor, mountPoint, type, source, "");
        }
    }

    /** Every mount of this process, in mount order (a later mount hides an earlier one on the same point). */
    public static List<Mount> read() throws IOException {
        List<Mount> mounts = new ArrayList<>();
        for (String line : Files.readAllLines(MOUNTINFO)) {
            Mount m = parse(line);
            if (m != null) {
                mounts.add(m);
            }
        }
        return mounts;
    }

    /**
     * The mount that holds {@code realPath} (a path with symlinks resolved) on device
     * {@code major:minor}: the longest mount point containing the path, preferring mounts of
     * that device (a btrfs subvolume's files carry their own anonymous device, so the device
     * alone may match nothing). Null when no mount point contains the path.
     */
    public static Mount holding(List<Mount> mounts, Path realPath, int major, int minor) {
        Mount best = null;
        boolean bestOnDevice = false;
        for (Mount m : mounts) {
            if (!realPath.startsWith(m.mountPoint())) {
                continue;
            }
            boolean onDevice = m.major() == major && m.minor() == minor;
            int len = m.mountPoint().getNameCount();
            int bestLen = best == null ? -1 : best.mountPoint().getNameCount();
            // Same device beats a longer mount point of another device; among equals the later mount wins.
            if (best == null || (onDevice && !bestOnDevice) || (onDevice == bestOnDevice && len >= bestLen)) {
                best = m;
                bestOnDevice = onDevice;
            }
        }
        return best;
    }

    /** The first mount of device {@code major:minor}, or null. */
    public static Mount ofDevice(List<Mount> mounts, int major, int minor) {
        for (Mount m : mounts) {
            if (m.major() == major && m.minor() == minor) {
                return m;
            }
        }
        return null;
    }

    // "36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue"
    static Mount parse(String line) {
        String[] f = line.split(" ");
        int dash = -1;
        for (int i = 6; i < f.length; i++) {
            if (f[i].equals("-")) {
                dash = i;
                break;
            }
        }
        if (f.length < 6 || dash < 0 || dash + 2 >= f.length) {
            return null;
        }
        int colon = f[2].indexOf(':');
        if (colon < 0) {
            return null;
        }
        try {
            return new Mount(Integer.parseInt(f[2], 0, colon, 10), Integer.parseInt(f[2], colon + 1, f[2].length(), 10),
                    Path.of(unescape(f[4])), unescape(f[dash + 1]), unescape(f[dash + 2]),
                    options(f[5], dash + 3 < f.length ? f[dash + 3] : ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    // "rw,relatime" and "rw,attr2,inode64" -> "rw,relatime,attr2,inode64"
    private static String options(String mountOptions, String superOptions) {
        var all = new java.util.LinkedHashSet<String>(List.of(mountOptions.split(",")));
        if (!superOptions.isEmpty()) {
            all.addAll(List.of(superOptions.split(",")));
        }
        return unescape(String.join(",", all));
    }

    // The kernel writes space, tab, newline and backslash as \040, \011, \012, \134.
    static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && isOctal(s, i + 1)) {
                sb.append((char) Integer.parseInt(s, i + 1, i + 4, 8));
                i += 3;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean isOctal(String s, int from) {
        if (from + 3 > s.length()) {
            return false;
        }
        for (int i = from; i < from + 3; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '7') {
                return false;
            }
        }
        return true;
    }
}
