package org.jfallocate.cli;

/** The help text, laid out as util-linux 2.42's, and the version. */
final class Usage {
    private Usage() {
    }

    static final String TEXT = """

            Usage:
             jfallocate [options] <filename>

            Preallocate space to, or deallocate space from a file.

            Options:
             -c, --collapse-range remove a range from the file
             -d, --dig-holes      detect zeroes and replace with holes
             -i, --insert-range   insert a hole at range, shifting existing data
             -l, --length <num>   length for range operations, in bytes
             -n, --keep-size      maintain the apparent size of the file
             -o, --offset <num>   offset for range operations, in bytes
             -p, --punch-hole     replace a range with a hole (implies -n)
             -r, --report-holes   report holes and zero-filled blocks, change nothing
             -w, --write-zeroes   write zeroes and ensure allocation of a range
             -x, --posix          use posix_fallocate(3) instead of fallocate(2)
             -z, --zero-range     zero and ensure allocation of a range
             -v, --verbose        verbose mode

            Beyond util-linux:
                 --unshare-range  unshare the shared (reflinked) blocks of a range
                 --probe <dir>    which fallocate(2) modes the filesystem of <dir> supports
                 --layout         the file's size, allocation, extents and holes
                 --format <fmt>   format of --layout: text (default), csv or json

             -h, --help           display this help
             -V, --version        display version

            Arguments:
             <num> arguments may be followed by the suffixes for
               GiB, TiB, PiB, EiB, ZiB, and YiB (the "iB" is optional)

            For more details see fallocate(1) and docs/cli.md.
            """;

    /** The jar's Implementation-Version, or "dev" when run from classes. */
    static String version() {
        String v = Usage.class.getPackage().getImplementationVersion();
        return v != null ? v : "dev";
    }
}
