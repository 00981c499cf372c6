import java.nio.file.Path;
import org.jfallocate.FileSystemInfo;
import org.jfallocate.ModeProbe;
import org.jfallocate.ModeSupport;

/** Prints the mode-support table of each directory given: what the README's table was measured with. */
public class ProbeTable {
    public static void main(String[] args) throws Exception {
        for (String arg : args) {
            ModeSupport support = ModeProbe.probe(Path.of(arg));
            FileSystemInfo fs = support.fileSystem();
            System.out.printf("== %s: %s on %s, block size %d, magic %s%n",
                    arg, fs.type(), fs.source(), fs.blockSize(), fs.magicHex());
            System.out.print(support.toTable());
        }
    }
}
