/**
 * fallocate(2) and posix_fallocate(3) for the JVM.
 *
 * <h2>Reserving space</h2>
 * <pre>{@code
 * try (FileChannel ch = FileChannel.open(wal, CREATE, WRITE)) {
 *     Fallocate.fallocate(ch, FallocateMode.KEEP_SIZE, 0, 64 << 20); // 64 MiB, size unchanged
 * }
 * Preallocation how = Fallocate.preallocate(path, 0, 64 << 20);      // works on every filesystem
 * }</pre>
 * {@link org.jfallocate.Fallocate#fallocate} takes a {@link org.jfallocate.FallocateMode}:
 * one operation (allocate, punch a hole, collapse, zero, insert, unshare, write zeroes),
 * with or without KEEP_SIZE. The modes the kernel would refuse are refused earlier, in
 * Java, with the rule named. Whether a filesystem supports a mode is only known by trying:
 * an unsupported one throws {@link org.jfallocate.UnsupportedModeException}.
 * {@link org.jfallocate.Fallocate#preallocate} falls back to posix_fallocate's emulation
 * where fallocate is missing (ext2, for example).
 *
 * <h2>Seeing what a call did</h2>
 * {@link org.jfallocate.FileSpace} gives a file's size and the bytes really allocated to it.
 * {@link org.jfallocate.FileLayout} adds its data ranges and holes and, where the filesystem
 * keeps an extent map, its extents with their flags: preallocated space shows as
 * {@link org.jfallocate.ExtentFlag#UNWRITTEN} extents. {@link org.jfallocate.FileSystemInfo}
 * names the filesystem a path is on (ext2 apart from ext4), and
 * {@link org.jfallocate.ModeProbe#probe} tries every mode in a directory on a scratch file,
 * answering which ones work there and with which errno the others fail:
 * <pre>{@code
 * ModeSupport support = ModeProbe.probe(dir);
 * if (support.supports(FallocateMode.COLLAPSE_RANGE)) { ... }
 * System.out.print(support.toTable());                                 // "COLLAPSE_RANGE no EOPNOTSUPP", ...
 * FileLayout layout = FileLayout.of(file);
 * long reserved = layout.hasExtentMap() ? layout.unwrittenBytes() : -1; // tmpfs has no extent map
 * }</pre>
 * When the JVM runs Java Flight Recorder ({@code -XX:StartFlightRecording}), every call,
 * failed ones included, is a {@code jfallocate.Fallocate} event: what was asked, what came
 * back and how long it took, and, with the event's {@code sizes} setting, the file's size and
 * allocation before and after it; without a recording that costs one branch per call.
 *
 * <h2>Errors</h2>
 * A refused call throws {@link org.jfallocate.FallocateException} whose message names the
 * call, the file, the mode, the range, the errno and its usual cause; its accessors give the
 * same parts to code. EINTR is retried. errno is read per call on the calling thread.
 *
 * <h2>JVM flags</h2>
 * {@code --enable-native-access=org.jfallocate} (or {@code ALL-UNNAMED} on the class path),
 * and for the FileChannel and FileDescriptor overloads
 * {@code --add-opens=java.base/sun.nio.ch=org.jfallocate}.
 *
 * @see <a href="https://man7.org/linux/man-pages/man2/fallocate.2.html">fallocate(2)</a>
 * @see <a href="https://man7.org/linux/man-pages/man3/posix_fallocate.3.html">posix_fallocate(3)</a>
 */
package org.jfallocate;
