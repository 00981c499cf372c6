package org.jfallocate.report;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds a report from one or more run directories, all or nothing: the files are written into a temporary
 * directory beside the target and moved into place only when every one of them is complete, so bad input
 * leaves no partial report and an earlier report stays as it was.
 */
public final class ReportBuilder {

    private ReportBuilder() {
    }

    /**
     * @param runDirs run directories, {@code results/<run-id>}; several are merged
     * @param out the report directory to write, replaced if it exists
     * @return the summary rows the report shows
     * @throws BadResultsException if any run is missing, truncated or malformed, or a run is given twice
     * @throws IOException if a file cannot be read or written
     */
    public static List<SummaryRow> build(List<Path> runDirs, Path out) throws IOException {
        return write(runDirs, out).summary();
    }

    /**
     * As {@link #build}, returning the writer, which knows the report's summary and recommendations.
     *
     * @param runDirs run directories, {@code results/<run-id>}; several are merged
     * @param out the report directory to write, replaced if it exists
     * @return the writer that wrote it
     * @throws BadResultsException if any run is missing, truncated or malformed, or a run is given twice
     * @throws IOException if a file cannot be read or written
     */
    public static ReportWriter write(List<Path> runDirs, Path out) throws IOException {
        if (runDirs.isEmpty()) {
            throw new IllegalArgumentException("runDirs must name at least one run directory, was empty");
        }
        List<Run> runs = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Path dir : runDirs) {
            Run run = RunLoader.load(dir);
            if (!ids.add(run.runId())) {
                throw new BadResultsException(dir + ": run " + run.runId() + " is given twice");
            }
            runs.add(run);
        }
        ReportWriter writer = new ReportWriter(runs);
        Path target = out.toAbsolutePath().normalize();
        Path parent = Files.createDirectories(target.getParent());
        Path temp = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-");
        try {
            writer.writeInto(temp);
            replace(temp, target);
        } finally {
            if (Files.exists(temp)) {
                deleteTree(temp);
            }
        }
        return writer;
    }

    private static void replace(Path fresh, Path target) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
            Files.delete(old);
            move(target, old);
        }
        move(fresh, target);
        if (old != null) {
            deleteTree(old);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
