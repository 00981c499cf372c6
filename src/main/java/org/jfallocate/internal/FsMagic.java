package org.jfallocate.internal;

import java.util.Map;

/** The filesystem under a descriptor, by its statfs magic number, for error messages. */
public final class FsMagic {
    private FsMagic() {
    }

    // linux/magic.h. ext2, ext3 and ext4 share one number; the mount table tells them apart.
    private static final Map<Long, String> NAMES = Map.ofEntries(
            Map.entry(0xEF53L, "ext2/ext3/ext4"),
            Map.entry(0x58465342L, "xfs"),
            Map.entry(0x9123683EL, "btrfs"),
            Map.entry(0x01021994L, "tmpfs"),
            Map.entry(0x858458F6L, "ramfs"),
            Map.entry(0x6969L, "nfs"),
            Map.entry(0xFF534D42L, "cifs"),
            Map.entry(0x794C7630L, "overlayfs"),
            Map.entry(0xF2F52010L, "f2fs"),
            Map.entry(0x4D44L, "vfat"),
            Map.entry(0x2011BAB0L, "exfat"),
            Map.entry(0x5346544EL, "ntfs"),
            Map.entry(0x65735546L, "fuse"),
            Map.entry(0x01161970L, "gfs2"),
            Map.entry(0x73717368L, "squashfs"),
            Map.entry(0x9FA0L, "proc"),
            Map.entry(0x62656572L, "sysfs"),
            Map.entry(0x50495045L, "pipefs"),
            Map.entry(0x534F434BL, "sockfs"));

    /** A name for a statfs magic number, or "0x…" when unknown. */
    public static String nameOf(long magic) {
        String name = NAMES.get(magic);
        return name != null ? name : "0x" + Long.toHexString(magic);
    }

    /** The filesystem's name for a descriptor, or null when it cannot be told. */
    public static String nameOfFd(int fd) {
        StatFs.Result fs = StatFs.ofFd(fd);
        return fs.failed() ? null : nameOf(fs.magic());
    }
}
