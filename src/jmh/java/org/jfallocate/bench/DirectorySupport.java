package org.jfallocate.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.jfallocate.Errno;
import org.jfallocate.FallocateMode;
import org.jfallocate.ModeProbe;
import org.jfallocate.ModeSupport;

/**
 * What one benchmark directory supports: {@link ModeProbe}'s verdict on every fallocate mode
 * and on posix_fallocate, probed once, and the result of any other check a
 * {@link Requirement} makes through {@link #once}, also made once.
 */
public final class DirectorySupport {
    private final ModeSupport modes;
    private final Map<String, Optional<String>> checks = new HashMap<>();

    private DirectorySupport(ModeSupport modes) {
        this.modes = modes;
    }

    /** Probes {@code dir} (a scratch file there, always removed). */
    public static DirectorySupport probe(Path dir) throws IOException {
        return new DirectorySupport(ModeProbe.probe(dir));
    }

    /** For tests: a directory with this probe result. */
    static DirectorySupport of(ModeSupport modes) {
        return new DirectorySupport(modes);
    }

    /** The directory probed. */
    public Path dir() {
        return modes.directory();
    }

    /** Its filesystem type, as the mount table names it. */
    public String type() {
        return modes.fileSystem().type();
    }

    /** Empty when fallocate(2) with {@code mode} worked here, else its errno and the mode. */
    Optional<String> unsupported(FallocateMode mode) {
        ModeSupport.Result r = modes.result(mode);
        return r.supported() ? Optional.empty() : Optional.of(why(r.errno(), "fallocate " + r.name()));
    }

    /** Empty when posix_fallocate(3) worked here (natively or emulated), else its errno. */
    Optional<String> posixFallocateUnsupported() {
        return modes.posix() != ModeSupport.PosixFallocate.FAILED ? Optional.empty()
                : Optional.of(why(modes.posixErrno(), "posix_fallocate"));
    }

    /** A check of this directory that ModeProbe does not make, run the first time its name is asked for. */
    @FunctionalInterface
    public interface Check {
        /** Empty when {@code dir} passes, else why not (errno name first). */
        Optional<String> run(Path dir) throws IOException;
    }

    /** The result of {@code check} under {@code name}, computed on the first call for this directory. */
    public Optional<String> once(String name, Check check) throws IOException {
        Optional<String> known = checks.get(name);
        if (known == null) {
            known = check.run(dir());
            checks.put(name, known);
        }
        return known;
    }

    private String why(int errno, String call) {
        return Errno.nameOf(errno) + ": " + call + " fails on " + type() + " (ModeProbe in " + dir() + ")";
    }
}
