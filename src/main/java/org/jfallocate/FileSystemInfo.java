package org.jfallocate;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.jfallocate.internal.Errnos;
import org.jfallocate.internal.FsMagic;
import org.jfallocate.internal.LibC;
import org.jfallocate.internal.MountInfo;
import org.jfallocate.internal.StatFs;
import org.jfallocate.internal.Statx;
import org.jfallocate.internal.SyscallFailure;

/**
 * Which filesystem a path lives on: its type as the mount table names it, its
 * {@code statfs(2)} magic number and block size, its device and mount point.
 *
 * <p>The type comes from {@code /proc/self/mountinfo}: the mount that holds the path (the
 * longest mount point containing it, of the file's device where one matches). ext2, ext3
 * and ext4 share one magic number (0xEF53), so only the mount table tells them apart. Where
 * no mount holds the path (no /proc, say), the type is the magic number's name, such as
 * {@code ext2/ext3/ext4}, and source and mount point are empty strings / the root.
 *
 * @param type        the filesystem type as mount(8) shows it: {@code ext4}, {@code xfs}, {@code btrfs}, {@code tmpfs}, ...
 * @param magic       statfs {@code f_type}, e.g. 0xEF53 for ext2/3/4
 * @param blockSize   statfs {@code f_bsize}: the filesystem block size in bytes, the alignment COLLAPSE_RANGE and INSERT_RANGE need
 * @param deviceMajor major number of the file's device (stx_dev_major)
 * @param deviceMinor minor number of the file's device (stx_dev_minor)
 * @param source      what is mounted, as the mount table says: {@code /dev/loop3}, or a name for tmpfs; "" when unknown
 * @param mountPoint  where it is mounted; the root directory when unknown
 * @param totalBytes  the filesystem's size in bytes
 * @param availableBytes bytes free for an unprivileged user
 * @param mountOptions the mount's options as /proc/self/mounts lists them, e.g. {@code rw,relatime}; "" when unknown
 * @see <a href="https://man7.org/linux/man-pages/man2/statfs.2.html">statfs(2)</a>
 * @see <a href="https://man7.org/linux/man-pages/man5/proc_pid_mountinfo.5.html">mountinfo(5)</a>
 */
public record FileSystemInfo(String type, long magic, long blockSize, int deviceMajor, int deviceMinor,
                             String source, Path mountPoint, long totalBytes, long availableBytes,
                             String mountOptions) {

    /**
     * The filesystem that holds {@code path} (symlinks followed).
     *
     * @param path any existing file or directory
     * @return its filesystem
     * @throws NoSuchFileException if the path does not exist
     * @throws FileSystemException if statx or statfs fails, naming the errno
     * @throws IOException         if the mount table cannot be read
     */
    public static FileSystemInfo of(Path path) throws IOException {
        Objects.requireNonNull(path, "path must not be null");
        LibC.requireAvailable();
        String abs = path.toAbsolutePath().toString();
        Statx.Result st = Statx.ofPath(abs);
        if (st.failed()) {
            throw failure(path, "statx", st.errno());
        }
        StatFs.Result fs = StatFs.ofPath(abs);
        if (fs.failed()) {
            throw failure(path, "statfs", fs.errno());
        }
        List<MountInfo.Mount> mounts = MountInfo.read();
        MountInfo.Mount mount = MountInfo.holding(mounts, path.toRealPath(), st.devMajor(), st.devMinor());
        return new FileSystemInfo(
                mount != null ? mount.type() : FsMagic.nameOf(fs.magic()),
                fs.magic(), fs.blockSize(), st.devMajor(), st.devMinor(),
                mount != null ? mount.source() : "",
                mount != null ? mount.mountPoint() : path.toAbsolutePath().getRoot(),
                fs.blocks() * fs.blockSize(), fs.availableBlocks() * fs.blockSize(),
                mount != null ? mount.options() : "");
    }

    /**
     * The type of the filesystem behind an open descriptor, for messages: the mount table's
     * name for its device, else the statfs magic number's name, else null.
     */
    static String typeOf(int fd) {
        Statx.Result st = Statx.ofFd(fd);
        if (!st.failed()) {
            try {
                MountInfo.Mount m = MountInfo.ofDevice(MountInfo.read(), st.devMajor(), st.devMinor());
                if (m != null) {
                    return m.type();
                }
            } catch (IOException e) {
                // fall back to the magic number below
            }
        }
        return FsMagic.nameOfFd(fd);
    }

    /** {@return the device as {@code major:minor}, e.g. {@code 7:3}} */
    public String device() {
        return deviceMajor + ":" + deviceMinor;
    }

    /** {@return the magic number in hex as linux/magic.h writes it, e.g. {@code 0xef53}} */
    public String magicHex() {
        return "0x" + Long.toHexString(magic);
    }

    private static FileSystemException failure(Path path, String call, int errno) {
        return SyscallFailure.of(path.toString(), call, errno);
    }
}
