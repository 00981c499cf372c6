package org.jfallocate.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Extents of a file as FIEMAP reports them, through e2fsprogs' filefrag(8). */
final class Extents {
    private Extents() {
    }

    private static final Pattern FOUND = Pattern.compile(": (\\d+) extents? found");

    /** Whether FIEMAP works in {@code dir} (tmpfs has no extents to map): empty when it does. */
    static Optional<String> unsupportedIn(Path dir) throws IOException {
        Path probe = Files.createTempFile(dir, "probe-fiemap", ".tmp");
        try {
            Files.write(probe, new byte[4096]);
            count(probe);
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("FIEMAP: " + e.getMessage());
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    static long count(Path file) throws IOException {
        Process p = new ProcessBuilder("filefrag", file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted waiting for filefrag", e);
        }
        Matcher m = FOUND.matcher(out);
        if (!m.find()) {
            throw new IOException("filefrag " + file + " said: " + out.strip());
        }
        return Long.parseLong(m.group(1));
    }
}
