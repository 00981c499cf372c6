package org.jfallocate.cli;

import java.util.List;
import java.util.Map;

/**
 * util-linux's {@code err_exclusive_options()}: groups of options of which at most one may be
 * given, checked as each option is parsed, so that the first conflict on the command line is
 * the one reported, with every option of its group:
 * {@code jfallocate: mutually exclusive arguments: --collapse-range --dig-holes ...}.
 *
 * <p>The groups are those of later util-linux (sorted, so that each option is found; -w added
 * in 2.42), plus {@code -r} (report-holes, which changes nothing) with the operations, and
 * jfallocate's own {@code --unshare-range} in the first group, as an operation that takes
 * {@code -n} but not {@code -x}. util-linux 2.38's table was not sorted, so it only caught {@code -x -z} of the
 * posix conflicts and let {@code -x -p} allocate instead of punching: jfallocate rejects those.
 */
final class ExclusiveOptions {
    /** Short names of the options that have no short letter in util-linux. */
    static final char UNSHARE = 'U';

    private static final List<String> GROUPS = List.of(
            "cdiprwxzU",   // one operation; posix_fallocate takes none
            "cinwx");      // operations that take no --keep-size

    private final Map<Character, String> longNames;
    private final char[] seen = new char[GROUPS.size()];

    ExclusiveOptions(Map<Character, String> longNames) {
        this.longNames = longNames;
    }

    /**
     * Record option {@code c}; a second, different option of one group is an error.
     *
     * @throws CliFailure "mutually exclusive arguments: --a --b ..." for the first such group
     */
    void check(char c) throws CliFailure {
        for (int g = 0; g < GROUPS.size(); g++) {
            String group = GROUPS.get(g);
            if (group.indexOf(c) < 0) {
                continue;
            }
            if (seen[g] == 0) {
                seen[g] = c;
            } else if (seen[g] != c) {
                StringBuilder sb = new StringBuilder("mutually exclusive arguments:");
                for (char o : group.toCharArray()) {
                    sb.append(" --").append(longNames.get(o));
                }
                throw CliFailure.of(sb.toString());
            }
        }
    }
}
