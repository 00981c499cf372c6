package org.jfallocate.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsing mountinfo(5) lines as the kernel writes them, and picking the mount that holds a path. */
class MountInfoTest {

    @Test
    void line_withOptionalFieldsAndEscapedSpaces_isParsed() {
        var m = MountInfo.parse("36 35 98:0 / /mnt/my\\040disk rw,noatime master:1 shared:7 - ext3 /dev/root rw,errors=continue");
        assertEquals(new MountInfo.Mount(98, 0, Path.of("/mnt/my disk"), "ext3", "/dev/root", "rw,noatime,errors=continue"), m,
                "the mount's options, then the superblock's not already there");
    }

    @Test
    void malformedLine_isIgnored() {
        assertNull(MountInfo.parse("garbage"));
        assertNull(MountInfo.parse("1 2 x / /mnt rw - ext4 /dev/sda rw"));
    }

    @Test
    void holdingMount_isTheLongestContainingMountPoint_preferringTheFilesDevice() {
        var root = new MountInfo.Mount(8, 1, Path.of("/"), "ext4", "/dev/sda1");
        var data = new MountInfo.Mount(7, 4, Path.of("/data"), "xfs", "/dev/loop4");
        var dataOld = new MountInfo.Mount(7, 9, Path.of("/data"), "ext2", "/dev/loop9"); // hidden by a later mount
        var btrfs = new MountInfo.Mount(0, 42, Path.of("/pool"), "btrfs", "/dev/loop6");
        List<MountInfo.Mount> mounts = List.of(root, dataOld, data, btrfs);
        assertEquals(data, MountInfo.holding(mounts, Path.of("/data/x/y"), 7, 4));
        assertEquals(data, MountInfo.holding(mounts, Path.of("/data"), 7, 4));
        assertEquals(root, MountInfo.holding(mounts, Path.of("/database"), 8, 1), "a prefix of the name is not a parent");
        // A btrfs subvolume's files carry their own anonymous device: the longest mount point decides.
        assertEquals(btrfs, MountInfo.holding(mounts, Path.of("/pool/sub/f"), 0, 43));
    }
}
