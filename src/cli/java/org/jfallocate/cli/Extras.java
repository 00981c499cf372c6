package org.jfallocate.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import org.jfallocate.FileLayout;
import org.jfallocate.FileSystemInfo;
import org.jfallocate.ModeProbe;

/** What util-linux lacks: the capability probe and the layout report, from the binding's classes. */
final class Extras {
    private Extras() {
    }

    /** {@code --probe DIR}: one line per mode, "KEEP_SIZE yes", "COLLAPSE_RANGE no EOPNOTSUPP". */
    static void probe(String dir, PrintStream out) throws CliFailure {
        try {
            out.print(ModeProbe.probe(Path.of(dir)).toTable());
        } catch (NotDirectoryException e) {
            throw CliFailure.of(dir + ": " + (java.nio.file.Files.exists(Path.of(dir)) ? "Not a directory"
                    : "No such file or directory"));
        } catch (IOException e) {
            throw CliFailure.of(dir + ": probe failed: " + reason(e));
        }
    }

    /** {@code --layout FILE [--format text|csv|json]}. */
    static void layout(String name, String format, PrintStream out) throws CliFailure {
        LayoutReport.Format f = LayoutReport.Format.parse(format);
        Path path = Path.of(name);
        FileLayout layout;
        String fsType;
        try {
            layout = FileLayout.of(path);
            fsType = FileSystemInfo.of(path).type();
        } catch (NoSuchFileException e) {
            throw CliFailure.of("cannot open " + name + ": No such file or directory");
        } catch (IOException e) {
            throw CliFailure.of(name + ": " + reason(e));
        }
        out.print(LayoutReport.render(name, fsType, layout, f));
    }

    private static String reason(IOException e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
