package org.jfallocate;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jfallocate.internal.ChannelFds;
import org.jfallocate.internal.Errnos;
import org.jfallocate.internal.Fiemap;
import org.jfallocate.internal.LibC;
import org.jfallocate.internal.PathFiles;
import org.jfallocate.internal.SeekRanges;
import org.jfallocate.internal.Statx;
import org.jfallocate.internal.SyscallFailure;

/**
 * How a file sits on its filesystem: logical size, allocated bytes, the data and hole ranges
 * ({@code lseek(2)} SEEK_DATA/SEEK_HOLE) and the extents ({@code FS_IOC_FIEMAP} ioctl) with
 * their flags. This is how to see what a fallocate call did: {@code KEEP_SIZE} grows
 * {@link #allocatedBytes()} and leaves {@link #size()} alone, {@code PUNCH_HOLE} shows up
 * in {@link #holes()}, and preallocated space appears as {@link ExtentFlag#UNWRITTEN} extents.
 *
 * <p>Data ranges and holes say what reads as data; extents say what is allocated. An
 * unwritten extent is allocated yet usually reported as a hole by SEEK_DATA, because it
 * reads as zeros. Extents can reach beyond {@link #size()} (space kept with KEEP_SIZE).
 *
 * <p>Not every filesystem has an extent map: tmpfs has no FIEMAP ({@code EOPNOTSUPP}).
 * {@link #hasExtentMap()} says whether this layout has one and {@link #extentMapError()}
 * why not; the extent methods throw {@link UnsupportedOperationException} naming the reason.
 *
 * <p>A layout is a snapshot taken by several system calls in a row; a file changed
 * meanwhile by someone else can give ranges that do not quite fit together. FIEMAP is
 * called with {@code FIEMAP_FLAG_SYNC}, which writes the file's dirty pages first, so that
 * delayed allocations are mapped to real blocks.
 *
 * @param size           the logical size in bytes (st_size)
 * @param allocatedBytes bytes allocated (st_blocks × 512), including unwritten and beyond-EOF blocks
 * @param blockSize      the preferred I/O block size (st_blksize)
 * @param dataRanges     ranges of {@code [0, size)} that hold data, in order
 * @param holes          ranges of {@code [0, size)} that do not, in order
 * @param extentMap      the extents from FIEMAP, or empty when the filesystem has no extent map
 * @param extentMapError why there is no extent map (EOPNOTSUPP, ENOTTY), or empty when there is one
 * @see <a href="https://man7.org/linux/man-pages/man2/lseek.2.html">lseek(2)</a>
 * @see <a href="https://docs.kernel.org/filesystems/fiemap.html">Fiemap ioctl</a>
 */
public record FileLayout(long size, long allocatedBytes, int blockSize, List<ByteRange> dataRanges,
                         List<ByteRange> holes, Optional<List<Extent>> extentMap, Optional<Errno> extentMapError) {

    /**
     * A layout from its parts; {@link #of} is how layouts are usually made.
     *
     * @throws IllegalArgumentException if both or neither of extentMap and extentMapError are present
     */
    public FileLayout {
        dataRanges = List.copyOf(dataRanges);
        holes = List.copyOf(holes);
        extentMap = extentMap.map(List::copyOf);
        if (extentMap.isPresent() == extentMapError.isPresent()) {
            throw new IllegalArgumentException("exactly one of extentMap and extentMapError must be present");
        }
    }

    /**
     * The layout of a regular file by path (symlinks followed), opened read-only for the call.
     *
     * @param path the file
     * @return its layout
     * @throws NoSuchFileException if it does not exist
     * @throws FileSystemException if it is not a regular file or a system call fails, naming the errno
     * @throws IOException         for other I/O errors
     */
    public static FileLayout of(Path path) throws IOException {
        Objects.requireNonNull(path, "path must not be null");
        LibC.requireAvailable();
        Statx.Result st = Statx.ofPath(path.toAbsolutePath().toString());
        if (st.failed()) {
            throw SyscallFailure.of(path.toString(), "statx", st.errno());
        }
        requireRegular(st, path.toString()); // before open: opening a FIFO would block
        int fd = PathFiles.openForRead(path);
        try {
            return read(fd, path.toString());
        } finally {
            PathFiles.close(fd, path);
        }
    }

    /**
     * The layout of the file behind an open channel. The channel's position is not changed.
     * Needs the JVM flag {@code --add-opens=java.base/sun.nio.ch=...} as
     * {@link Fallocate#fallocate(FileChannel, FallocateMode, long, long)} does.
     *
     * @param channel an open channel on a regular file, any access mode
     * @return its layout
     * @throws ClosedChannelException if the channel is closed
     * @throws IOException            if a system call fails, naming the errno
     */
    public static FileLayout of(FileChannel channel) throws IOException {
        Objects.requireNonNull(channel, "channel must not be null");
        if (!channel.isOpen()) {
            throw new ClosedChannelException();
        }
        return of(ChannelFds.fdOf(channel));
    }

    /**
     * The layout of the file behind an open descriptor. The file is reopened read-only
     * through {@code /proc/self/fd}, so the descriptor's file offset is not touched; where
     * that is not allowed, the offset is saved and restored around the lseek calls.
     *
     * @param fd an open descriptor on a regular file, {@code >= 0}
     * @return its layout
     * @throws IllegalArgumentException if fd is negative
     * @throws FileSystemException      if it is not a regular file or a system call fails
     */
    public static FileLayout of(int fd) throws IOException {
        LibC.requireAvailable();
        if (fd < 0) {
            throw new IllegalArgumentException("fd must be >= 0 (an open descriptor), was " + fd);
        }
        String name = "fd=" + fd;
        Statx.Result st = Statx.ofFd(fd);
        if (st.failed()) {
            throw SyscallFailure.of(name, "statx", st.errno());
        }
        requireRegular(st, name);
        Path self = Path.of("/proc/self/fd/" + fd);
        int own;
        try {
            own = PathFiles.openForRead(self);
        } catch (IOException e) {
            return readRestoringPosition(fd, name); // write-only descriptor on an unreadable file
        }
        try {
            return read(own, name);
        } finally {
            PathFiles.close(own, self);
        }
    }

    private static FileLayout readRestoringPosition(int fd, String name) throws IOException {
        long pos = SeekRanges.position(fd);
        if (pos < 0) {
            throw SyscallFailure.of(name, "lseek(SEEK_CUR)", (int) -pos);
        }
        try {
            return read(fd, name);
        } finally {
            SeekRanges.restore(fd, pos);
        }
    }

    private static void requireRegular(Statx.Result st, String name) throws FileSystemException {
        if (!st.isRegularFile()) {
            throw new FileSystemException(name, null, "not a regular file: only regular files have a layout");
        }
    }

    // statx, then the lseek walk, then FIEMAP, all on a descriptor this class may move.
    private static FileLayout read(int fd, String name) throws IOException {
        Statx.Result st = Statx.ofFd(fd);
        if (st.failed()) {
            throw SyscallFailure.of(name, "statx", st.errno());
        }
        SeekRanges.Result seek = SeekRanges.dataRanges(fd);
        if (seek.errno() != 0) {
            throw SyscallFailure.of(name, "lseek(SEEK_DATA/SEEK_HOLE)", seek.errno());
        }
        List<ByteRange> data = clip(seek.data(), st.size());
        Fiemap.Result map = Fiemap.extents(fd);
        Optional<List<Extent>> extents = Optional.empty();
        Optional<Errno> why = Optional.empty();
        if (map.ok()) {
            extents = Optional.of(map.extents().stream()
                    .map(x -> new Extent(x.logical(), x.physical(), x.length(), ExtentFlag.decode(x.flags())))
                    .toList());
        } else if (map.errno() == Errnos.EOPNOTSUPP || map.errno() == Errnos.ENOTTY) {
            why = Optional.of(Errno.of(map.errno()));
        } else {
            throw SyscallFailure.of(name, "ioctl(FS_IOC_FIEMAP)", map.errno());
        }
        return new FileLayout(st.size(), st.allocatedBytes(), st.blockSize(), data, complement(data, st.size()),
                extents, why);
    }

    private static List<ByteRange> clip(List<SeekRanges.Range> ranges, long size) {
        List<ByteRange> out = new ArrayList<>();
        for (SeekRanges.Range r : ranges) {
            long end = Math.min(r.offset() + r.length(), size);
            if (end > r.offset()) {
                out.add(new ByteRange(r.offset(), end - r.offset()));
            }
        }
        return out;
    }

    // The gaps between sorted, disjoint ranges within [0, size).
    private static List<ByteRange> complement(List<ByteRange> data, long size) {
        List<ByteRange> holes = new ArrayList<>();
        long pos = 0;
        for (ByteRange r : data) {
            if (r.offset() > pos) {
                holes.add(new ByteRange(pos, r.offset() - pos));
            }
            pos = Math.max(pos, r.end());
        }
        if (size > pos) {
            holes.add(new ByteRange(pos, size - pos));
        }
        return holes;
    }

    /** {@return whether this filesystem gave an extent map for the file (false on tmpfs, for example)} */
    public boolean hasExtentMap() {
        return extentMap.isPresent();
    }

    /**
     * The file's extents in logical order, from FIEMAP.
     *
     * @return the extents, possibly empty (an empty or wholly sparse file)
     * @throws UnsupportedOperationException if the filesystem has no extent map, naming the errno
     */
    public List<Extent> extents() {
        return extentMap.orElseThrow(() -> new UnsupportedOperationException(
                "no extent map: FIEMAP failed with " + Errnos.describe(extentMapError.orElseThrow().number())
                        + "; this filesystem does not report extents"));
    }

    /**
     * The number of extents: 1 for a file in one piece, more for a fragmented one.
     *
     * @return the number of extents
     * @throws UnsupportedOperationException if the filesystem has no extent map
     */
    public int extentCount() {
        return extents().size();
    }

    /**
     * Bytes in extents flagged {@link ExtentFlag#UNWRITTEN}: allocated by fallocate, never written.
     *
     * @return the unwritten bytes
     * @throws UnsupportedOperationException if the filesystem has no extent map
     */
    public long unwrittenBytes() {
        return bytesWith(ExtentFlag.UNWRITTEN);
    }

    /**
     * Bytes in extents flagged {@link ExtentFlag#SHARED} with another file (reflinks, snapshots).
     *
     * @return the shared bytes
     * @throws UnsupportedOperationException if the filesystem has no extent map
     */
    public long sharedBytes() {
        return bytesWith(ExtentFlag.SHARED);
    }

    /**
     * The extents that share at least one byte with {@code range}.
     *
     * @param range the bytes to look at
     * @return those extents
     * @throws UnsupportedOperationException if the filesystem has no extent map
     */
    public List<Extent> extentsOverlapping(ByteRange range) {
        Objects.requireNonNull(range, "range must not be null");
        return extents().stream().filter(e -> e.logicalRange().overlaps(range)).toList();
    }

    /** {@return the number of bytes of {@code [0, size)} that lie in holes} */
    public long holeBytes() {
        return holes.stream().mapToLong(ByteRange::length).sum();
    }

    private long bytesWith(ExtentFlag flag) {
        return extents().stream().filter(e -> e.has(flag)).mapToLong(Extent::length).sum();
    }

    /** A short report: sizes, data ranges, holes and extents with their flags. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder()
                .append("size=").append(size).append(" allocated=").append(allocatedBytes)
                .append(" blockSize=").append(blockSize)
                .append(" data=").append(dataRanges).append(" holes=").append(holes);
        if (extentMap.isEmpty()) {
            return sb.append(" extents=unavailable (").append(extentMapError.orElseThrow().name()).append(')').toString();
        }
        sb.append(" extents=[");
        String sep = "";
        for (Extent e : extentMap.get()) {
            sb.append(sep).append(e.logicalRange()).append("@").append(e.physicalOffset());
            if (!e.flags().isEmpty()) {
                sb.append(' ').append(e.flags());
            }
            sep = ", ";
        }
        return sb.append(']').toString();
    }
}
