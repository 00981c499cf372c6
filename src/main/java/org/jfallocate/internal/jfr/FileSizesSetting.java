package org.jfallocate.internal.jfr;

import java.util.Set;
import jdk.jfr.BooleanFlag;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.SettingControl;

/**
 * The {@code sizes} setting of {@code jfallocate.Fallocate}: whether each event reads the
 * file's size and allocated bytes before and after the call. Off by default, as stack traces
 * are, because those two statx(2) calls cost more than the fallocate(2) they frame: two
 * system calls where the event alone makes none.
 *
 * <p>JFR keeps one instance and tells it what all running recordings asked for, combined:
 * on when any of them wants the sizes. The combined value is kept in a static field so
 * that {@link FallocateEvents} can ask before the call, when no event object exists yet.
 */
@Name(FileSizesSetting.NAME)
@Label("File Sizes")
@Description("Read the file's size and allocated bytes before and after each call: two statx(2) system calls more per call")
@BooleanFlag
public final class FileSizesSetting extends SettingControl {
    /** The setting's type name in a recording's metadata. */
    public static final String NAME = "jfallocate.FileSizes";

    private static volatile boolean wanted;

    private String value = "false";

    /** Whether a running recording wants the sizes now. */
    static boolean wanted() {
        return wanted;
    }

    @Override
    public String combine(Set<String> values) {
        return values.contains("true") ? "true" : "false";
    }

    @Override
    public void setValue(String value) {
        boolean on = "true".equals(value);
        this.value = on ? "true" : "false";
        wanted = on;
    }

    @Override
    public String getValue() {
        return value;
    }
}
