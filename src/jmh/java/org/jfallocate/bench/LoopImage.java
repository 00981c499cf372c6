package org.jfallocate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.jfallocate.ByteRange;
import org.jfallocate.FileLayout;
import org.jfallocate.FileSystemInfo;

/**
 * The image file behind a loop-mounted filesystem, from {@code /sys/block/loopN/loop/backing_file}.
 *
 * <p>What of it the host has not written matters to every durable number measured on it: the host allocates
 * a hole, or converts an unwritten extent, at the first write through the loop device, and commits its own
 * journal for it at the next fdatasync. On this machine that was two more disk writes per fdatasync'd 4 KiB
 * append (7.1 instead of 5.1 on ext4, 6.0 instead of 4.1 on ext2), paid only by the first writer to each
 * block: on a fresh sparse ext4 image every append until its journal had wrapped once (mkfs zeroes the
 * journal with ZERO_RANGE), and the first strategy measured rather than the ones after it.
 * {@code bin/fs-matrix} with {@code FS_MATRIX_IMAGES=written} makes images without.
 *
 * @param file the image
 * @param layout its size, allocation and extents on the host
 */
record LoopImage(Path file, FileLayout layout) {

    /** {@return the loop image behind {@code fs}; empty when its device is not a loop device} */
    static Optional<LoopImage> of(FileSystemInfo fs) throws IOException {
        Optional<Path> file = backingFile(fs.source());
        return file.isEmpty() ? Optional.empty() : Optional.of(new LoopImage(file.get(), FileLayout.of(file.get())));
    }

    /** The backing file of {@code device} when it is a loop device. */
    static Optional<Path> backingFile(String device) throws IOException {
        if (!device.matches("/dev/loop\\d+")) {
            return Optional.empty();
        }
        Path backing = Path.of("/sys/block", device.substring("/dev/".length()), "loop", "backing_file");
        return Files.exists(backing) ? Optional.of(Path.of(Files.readString(backing).strip())) : Optional.empty();
    }

    /** {@return the image's bytes the host has not written: holes and unwritten extents} */
    long unwrittenOnHost() {
        // From FIEMAP: st_blocks also counts the host's extent-tree blocks, and SEEK_DATA calls an
        // unwritten extent a hole on ext4 but data on others.
        if (!layout.hasExtentMap()) {
            return layout.size() - layout.dataRanges().stream().mapToLong(ByteRange::length).sum();
        }
        long written = layout.extents().stream().filter(e -> !e.isUnwritten())
                .mapToLong(e -> Math.min(e.logicalOffset() + e.length(), layout.size()) - e.logicalOffset())
                .filter(n -> n > 0).sum();
        return layout.size() - written;
    }

    /** {@return e.g. "/x/ext4.img on ext4 /dev/vda, all 2147483648 bytes written"} */
    String describe() {
        String holder;
        try {
            FileSystemInfo fs = FileSystemInfo.of(file.getParent());
            holder = " on " + fs.type() + " " + fs.source();
        } catch (IOException e) {
            holder = "";
        }
        long unwritten = unwrittenOnHost();
        return file + holder + (unwritten <= 0 ? ", all " + layout.size() + " bytes written"
                : ", " + unwritten + " of " + layout.size() + " bytes not written on the host (sparse)");
    }
}
