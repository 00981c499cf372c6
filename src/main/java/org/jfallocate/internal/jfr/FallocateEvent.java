package org.jfallocate.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.SettingDefinition;
import jdk.jfr.StackTrace;

/**
 * One fallocate(2) or posix_fallocate(3) call that jfallocate made, failed ones included:
 * what was asked, what came back, how long it took and, when the recording asks, what it
 * did to the file's size and allocation. The event's duration is the call's (EINTR retries
 * included, the statx calls not).
 *
 * <p>Two settings are off by default because each costs more than the call itself: the
 * stack trace (walking the stack) and {@code sizes} (two statx(2) calls around the call,
 * {@link FileSizesSetting}). A recording that wants them asks: {@code stackTrace} or
 * {@code sizes} set to true for {@code jfallocate.Fallocate} in its .jfc settings or on
 * the command line ({@code -XX:StartFlightRecording:+jfallocate.Fallocate#sizes=true}), or
 * {@code recording.enable("jfallocate.Fallocate").withStackTrace().with("sizes", "true")}.
 *
 * <p>This package is not exported: JFR opens an event's package to itself when the class
 * is registered, so the event needs no export and stays out of the API.
 */
@Name(FallocateEvent.NAME)
@StackTrace(false)
@Label("Fallocate")
@Category({"Java Application", "jfallocate"})
@Description("A fallocate(2) or posix_fallocate(3) call made by jfallocate, with the file's size and "
        + "allocated bytes before and after it")
public final class FallocateEvent extends Event {
    /** The event type's name, as {@code jfr print --events} and {@code RecordingStream.onEvent} take it. */
    public static final String NAME = "jfallocate.Fallocate";

    @Label("Operation")
    @Description("The C call: fallocate, posix_fallocate, preallocate:fallocate, or "
            + "preallocate-fallback:posix_fallocate when preallocate fell back after EOPNOTSUPP")
    String operation;

    @Label("File Descriptor")
    int fd;

    @Label("Path")
    @Description("The path the caller gave, or where /proc/self/fd/<fd> pointed when this descriptor was first "
            + "seen on this file (not read again while it is the same file, even after a rename); null when neither is known")
    String path;

    @Label("Mode")
    @Description("The mode's flag names, e.g. PUNCH_HOLE|KEEP_SIZE; ALLOCATE for mode 0")
    String mode;

    @Label("Mode Value")
    @Description("The mode as the raw int passed to fallocate(2)")
    int modeValue;

    @Label("Offset")
    @DataAmount(DataAmount.BYTES)
    long offset;

    @Label("Length")
    @DataAmount(DataAmount.BYTES)
    long length;

    @Label("Size Before")
    @Description("st_size before the call; -1 when the sizes setting is off or statx failed")
    @DataAmount(DataAmount.BYTES)
    long sizeBefore;

    @Label("Size After")
    @Description("st_size after the call; -1 when the sizes setting is off or statx failed")
    @DataAmount(DataAmount.BYTES)
    long sizeAfter;

    @Label("Allocated Before")
    @Description("st_blocks * 512 before the call; -1 when the sizes setting is off or statx failed")
    @DataAmount(DataAmount.BYTES)
    long allocatedBefore;

    @Label("Allocated After")
    @Description("st_blocks * 512 after the call; -1 when the sizes setting is off or statx failed")
    @DataAmount(DataAmount.BYTES)
    long allocatedAfter;

    @Label("Result")
    @Description("0 on success, else the errno's name, e.g. EOPNOTSUPP")
    String result;

    @Label("Errno")
    @Description("The raw errno (posix_fallocate's return value); 0 on success")
    int errno;

    // Whether begin() took the "before" figures, so that commit() takes the "after" ones
    // even if the setting changed in between. Transient: not recorded.
    transient boolean sizesTaken;

    /**
     * The {@code sizes} setting. JFR calls this as a filter when the event is committed; it
     * keeps every event: the setting decides what is measured ({@link FileSizesSetting#wanted()}),
     * not which events are kept.
     */
    @Name("sizes")
    @Label("File Sizes")
    @Description("Read the file's size and allocated bytes before and after each call (two statx(2) calls more)")
    @SettingDefinition
    private boolean sizes(FileSizesSetting setting) {
        return true;
    }
}
