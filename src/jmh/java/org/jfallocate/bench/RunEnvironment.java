package org.jfallocate.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jfallocate.FileSystemInfo;

/** What the numbers were measured on: the {@code environment} file of a run (key=value lines). */
final class RunEnvironment {
    private RunEnvironment() {
    }

    static String host() {
        return read(Path.of("/proc/sys/kernel/hostname")).map(String::strip).orElse("unknown");
    }

    static String kernel() {
        return System.getProperty("os.version");
    }

    static String jdk() {
        return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
    }

    static String cpu() {
        return field("/proc/cpuinfo", "model name").orElse(System.getProperty("os.arch"));
    }

    static String memory() {
        return field("/proc/meminfo", "MemTotal").orElse("unknown");
    }

    static String os() {
        return read(Path.of("/etc/os-release")).flatMap(s -> s.lines()
                .filter(l -> l.startsWith("PRETTY_NAME="))
                .map(l -> l.substring("PRETTY_NAME=".length()).replace("\"", ""))
                .findFirst()).orElse(System.getProperty("os.name"));
    }

    /** The first "key : value" line with this key in a /proc file. */
    private static Optional<String> field(String file, String key) {
        return read(Path.of(file)).flatMap(s -> s.lines()
                .filter(l -> l.startsWith(key))
                .map(l -> l.substring(l.indexOf(':') + 1).strip())
                .findFirst());
    }

    private static Optional<String> read(Path p) {
        try {
            return Optional.of(Files.readString(p, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static void write(Path file, String runId, String profile, List<String> jmhArgs, String dateUtc,
                      List<BenchTarget> targets, Map<String, String> extra) throws IOException {
        Map<String, String> kv = new LinkedHashMap<>();
        kv.put("run_id", runId);
        kv.put("host", host());
        kv.put("kernel", kernel());
        kv.put("jdk", jdk());
        kv.put("cpu", cpu());
        kv.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        kv.put("memory", memory());
        kv.put("os", os());
        kv.put("profile", profile);
        kv.put("jmh_args", String.join(" ", jmhArgs));
        kv.put("date_utc", dateUtc);
        for (BenchTarget t : targets) {
            kv.put("fs." + t.name(), t.fs().mountPoint() + " " + t.fs().source() + " " + t.fs().mountOptions());
            // A loop-mounted filesystem's fdatasync reaches a disk only when its image is on one (not a tmpfs).
            Optional<LoopImage> image = LoopImage.of(t.fs());
            if (image.isPresent()) {
                kv.put("image." + t.name(), image.get().describe());
            }
        }
        kv.putAll(extra);
        StringBuilder sb = new StringBuilder();
        kv.forEach((k, v) -> sb.append(k).append('=').append(v.replace('\n', ' ')).append('\n'));
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }
}
