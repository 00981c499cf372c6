package org.jfallocate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.jfallocate.FileSystemInfo;

/**
 * What a block device was asked to do, from {@code /sys/block/<dev>/stat} (the kernel's
 * Documentation/block/stat.rst): write requests, sectors written and flush requests. The
 * difference across a timed phase, per record, says what work a job really made the device do,
 * which no amount of scheduling noise changes: two jobs that cost the same writes and flushes per
 * record are the same job, whatever their timings say on a busy machine.
 *
 * @param writes write requests completed
 * @param sectorsWritten 512-byte sectors written
 * @param flushes flush requests completed (0 on kernels before 5.5, which do not count them)
 */
record DeviceCounters(long writes, long sectorsWritten, long flushes) {

    /**
     * @param mount the mount of the filesystem under test
     * @return its device's stat file, when it is a block device the kernel counts (not tmpfs)
     */
    static Optional<Path> statFile(FileSystemInfo mount) {
        if (!mount.source().startsWith("/dev/")) {
            return Optional.empty();
        }
        Path stat = Path.of("/sys/block", Path.of(mount.source()).getFileName().toString(), "stat");
        return Files.isReadable(stat) ? Optional.of(stat) : Optional.empty();
    }

    /** @return the counters in {@code stat}'s text */
    static DeviceCounters parse(String stat) throws IOException {
        String[] f = stat.trim().split("\\s+");
        if (f.length < 11) {
            throw new IOException("not a /sys/block/*/stat line: " + stat.trim());
        }
        return new DeviceCounters(Long.parseLong(f[4]), Long.parseLong(f[6]), f.length > 15 ? Long.parseLong(f[15]) : 0);
    }

    /** @return the counters now */
    static DeviceCounters read(Path statFile) throws IOException {
        return parse(Files.readString(statFile));
    }

    /** @return the work between {@code before} and this, per record: writes, KiB and flushes */
    double[] perRecordSince(DeviceCounters before, long records) {
        return new double[] {(writes - before.writes) / (double) records,
                (sectorsWritten - before.sectorsWritten) * 512 / 1024.0 / records,
                (flushes - before.flushes) / (double) records};
    }
}
