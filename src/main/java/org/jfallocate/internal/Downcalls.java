package org.jfallocate.internal;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Locale;

/**
 * Builds downcall handles to the C library. The only class besides {@link LibC} that touches
 * {@link Linker}. Failing here is deferred: on a platform without the symbols, or in a JVM
 * that denies this module native access ({@code --illegal-native-access=deny}, a future
 * JDK's default), the classes still load, and the first call says why it cannot work and,
 * for the denial, which flag to add.
 */
final class Downcalls {
    private Downcalls() {
    }

    /** Why native calls are impossible on this platform, or null when they are possible. */
    static final String UNAVAILABLE_REASON = unavailableReason();

    private static final Linker LINKER = UNAVAILABLE_REASON == null ? Linker.nativeLinker() : null;
    private static final SymbolLookup LIBC = LINKER == null ? null : LINKER.defaultLookup();

    private static String unavailableReason() {
        String os = System.getProperty("os.name", "?");
        if (!os.toLowerCase(Locale.ROOT).startsWith("linux")) {
            return "jfallocate needs Linux: fallocate(2) does not exist on " + os;
        }
        Linker linker;
        try {
            linker = Linker.nativeLinker();
        } catch (UnsupportedOperationException | IllegalCallerException e) {
            return "the Foreign Function & Memory API cannot link native code here: " + e.getMessage();
        }
        // downcallHandle is the restricted method: try one, so that a denial is known before any handle is made.
        try {
            linker.downcallHandle(FunctionDescriptor.of(ValueLayout.JAVA_INT));
            return null;
        } catch (IllegalCallerException e) {
            Module self = Downcalls.class.getModule();
            return "jfallocate needs native access, which this JVM denies: add the JVM flag --enable-native-access="
                    + (self.isNamed() ? self.getName() : "ALL-UNNAMED") + " (" + e.getMessage() + ")";
        }
    }

    /**
     * A downcall handle for {@code name}, or null where native calls are unavailable.
     *
     * @throws LinkageError naming the function when the C library lacks it
     */
    static MethodHandle handle(String name, FunctionDescriptor descriptor, Linker.Option... options) {
        if (LINKER == null) {
            return null;
        }
        var symbol = LIBC.find(name)
                .orElseThrow(() -> new LinkageError("the C library has no symbol '" + name + "'"));
        return LINKER.downcallHandle(symbol, descriptor, options);
    }
}
