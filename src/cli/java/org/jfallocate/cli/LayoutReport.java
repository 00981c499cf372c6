package org.jfallocate.cli;

import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.stream.Collectors;
import org.jfallocate.ByteRange;
import org.jfallocate.Extent;
import org.jfallocate.ExtentFlag;
import org.jfallocate.FileLayout;

/**
 * {@code --layout}: a file's size, allocation, data ranges, holes and extents (with their
 * FIEMAP flags), for a person (text) or a script (CSV, JSON). Offsets and lengths in bytes.
 */
final class LayoutReport {
    private LayoutReport() {
    }

    /** The output formats of {@code --format}. */
    enum Format {
        TEXT, CSV, JSON;

        static Format parse(String s) throws CliFailure {
            return switch (s) {
                case "text" -> TEXT;
                case "csv" -> CSV;
                case "json" -> JSON;
                default -> throw CliFailure.usage("unknown --format '" + s + "': use text, csv or json");
            };
        }
    }

    static String render(String name, String fsType, FileLayout layout, Format format) {
        return switch (format) {
            case TEXT -> text(name, fsType, layout);
            case CSV -> csv(layout);
            case JSON -> json(name, fsType, layout);
        };
    }

    private static String text(String name, String fsType, FileLayout l) {
        StringBuilder sb = new StringBuilder();
        sb.append(name).append(" on ").append(fsType).append('\n');
        sb.append(String.format(Locale.ROOT, "size:       %d (%s)%n", l.size(), HumanSize.format(l.size())));
        sb.append(String.format(Locale.ROOT, "allocated:  %d (%s)%n", l.allocatedBytes(),
                HumanSize.format(l.allocatedBytes())));
        sb.append(String.format(Locale.ROOT, "block size: %d%n", l.blockSize()));
        sb.append("data:       ").append(ranges(l.dataRanges())).append('\n');
        sb.append("holes:      ").append(ranges(l.holes())).append('\n');
        if (l.hasExtentMap()) {
            sb.append("extents:    ").append(l.extentCount()).append('\n');
            sb.append(String.format(Locale.ROOT, "  %14s %14s %12s  %s%n", "logical", "physical", "length", "flags"));
            for (Extent e : l.extents()) {
                sb.append(String.format(Locale.ROOT, "  %14d %14d %12d  %s%n", e.logicalOffset(), e.physicalOffset(),
                        e.length(), e.flags().isEmpty() ? "-" : flags(e, ",")));
            }
        } else {
            sb.append("extents:    none: no extent map here (FIEMAP ")
                    .append(l.extentMapError().map(Enum::name).orElse("?")).append(")\n");
        }
        return sb.toString();
    }

    private static String ranges(List<ByteRange> ranges) {
        return ranges.isEmpty() ? "none"
                : ranges.stream().map(r -> "[" + r.offset() + ", " + r.end() + ")").collect(Collectors.joining(" "));
    }

    private static String flags(Extent e, String separator) {
        return e.flags().stream().map(ExtentFlag::name).collect(Collectors.joining(separator));
    }

    // One row per fact: size, allocated, then every data range, hole and extent.
    private static String csv(FileLayout l) {
        StringBuilder sb = new StringBuilder("kind,offset,length,physical,flags\n");
        sb.append("size,0,").append(l.size()).append(",,\n");
        sb.append("allocated,,").append(l.allocatedBytes()).append(",,\n");
        for (ByteRange r : l.dataRanges()) {
            sb.append("data,").append(r.offset()).append(',').append(r.length()).append(",,\n");
        }
        for (ByteRange r : l.holes()) {
            sb.append("hole,").append(r.offset()).append(',').append(r.length()).append(",,\n");
        }
        if (l.hasExtentMap()) {
            for (Extent e : l.extents()) {
                sb.append("extent,").append(e.logicalOffset()).append(',').append(e.length()).append(',')
                        .append(e.physicalOffset()).append(',').append(flags(e, "|")).append('\n');
            }
        }
        return sb.toString();
    }

    private static String json(String name, String fsType, FileLayout l) {
        StringBuilder sb = new StringBuilder("{");
        sb.append("\"file\":").append(quote(name));
        sb.append(",\"filesystem\":").append(quote(fsType));
        sb.append(",\"size\":").append(l.size());
        sb.append(",\"allocatedBytes\":").append(l.allocatedBytes());
        sb.append(",\"blockSize\":").append(l.blockSize());
        sb.append(",\"dataRanges\":").append(jsonRanges(l.dataRanges()));
        sb.append(",\"holes\":").append(jsonRanges(l.holes()));
        if (l.hasExtentMap()) {
            StringJoiner extents = new StringJoiner(",", "[", "]");
            for (Extent e : l.extents()) {
                StringJoiner f = new StringJoiner(",", "[", "]");
                e.flags().forEach(flag -> f.add(quote(flag.name())));
                extents.add("{\"logicalOffset\":" + e.logicalOffset() + ",\"physicalOffset\":" + e.physicalOffset()
                        + ",\"length\":" + e.length() + ",\"flags\":" + f + "}");
            }
            sb.append(",\"extents\":").append(extents).append(",\"extentMapError\":null");
        } else {
            sb.append(",\"extents\":null,\"extentMapError\":")
                    .append(quote(l.extentMapError().map(Enum::name).orElse("?")));
        }
        return sb.append("}\n").toString();
    }

    private static String jsonRanges(List<ByteRange> ranges) {
        StringJoiner j = new StringJoiner(",", "[", "]");
        ranges.forEach(r -> j.add("{\"offset\":" + r.offset() + ",\"length\":" + r.length() + "}"));
        return j.toString();
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
