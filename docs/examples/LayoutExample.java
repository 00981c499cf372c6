import java.nio.file.Files;
import java.nio.file.Path;
import org.jfallocate.Extent;
import org.jfallocate.Fallocate;
import org.jfallocate.FallocateMode;
import org.jfallocate.FileLayout;
import org.jfallocate.FileSystemInfo;
import org.jfallocate.ModeProbe;
import org.jfallocate.ModeSupport;

/** The README's example: make a file, punch a hole, reserve space past EOF, and look. */
public class LayoutExample {
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        FileSystemInfo fs = FileSystemInfo.of(file.getParent());
        System.out.println(fs.type() + " on " + fs.source() + " at " + fs.mountPoint() + ", block size " + fs.blockSize());

        ModeSupport support = ModeProbe.probe(file.getParent());
        if (!support.supports(FallocateMode.KEEP_SIZE)) {
            System.out.println("no KEEP_SIZE here: " + support.errno(FallocateMode.KEEP_SIZE).orElseThrow());
            return;
        }
        Files.write(file, new byte[64 * 1024]);                                // 64 KiB written
        Fallocate.fallocate(file, FallocateMode.PUNCH_HOLE, 16 * 1024, 8 * 1024); // an 8 KiB hole
        Fallocate.fallocate(file, FallocateMode.KEEP_SIZE, 64 * 1024, 64 * 1024); // 64 KiB reserved past EOF

        FileLayout layout = FileLayout.of(file);
        System.out.println("size " + layout.size() + ", allocated " + layout.allocatedBytes());
        System.out.println("data " + layout.dataRanges() + ", holes " + layout.holes());
        if (layout.hasExtentMap()) {
            for (Extent e : layout.extents()) {
                System.out.println("extent " + e.logicalRange() + " " + e.flags());
            }
            System.out.println(layout.unwrittenBytes() + " bytes allocated but never written");
        } else {
            System.out.println("no extent map: " + layout.extentMapError().orElseThrow());
        }
    }
}
