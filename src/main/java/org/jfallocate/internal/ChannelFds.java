package org.jfallocate.internal;

import java.io.FileDescriptor;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.nio.channels.FileChannel;

/**
 * The int file descriptor behind a {@link FileChannel} or {@link FileDescriptor}. The JDK
 * keeps it private, in {@code sun.nio.ch}; reaching it needs that package opened to
 * jfallocate, which is said plainly when it is not.
 */
public final class ChannelFds {
    private ChannelFds() {
    }

    /** The JVM flag that opens the package, for messages and documentation. */
    public static final String REQUIRED_FLAG = flag();

    private static final String CHANNEL_IMPL = "sun.nio.ch.FileChannelImpl";
    private static final Access ACCESS = Access.create();

    /** The handles, or why they could not be made. */
    private record Access(Class<?> implClass, VarHandle fdField, MethodHandle fdVal, Exception failure) {
        static Access create() {
            try {
                Class<?> impl = Class.forName(CHANNEL_IMPL);
                MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(impl, MethodHandles.lookup());
                VarHandle fd = lookup.findVarHandle(impl, "fd", FileDescriptor.class);
                Class<?> ioUtil = Class.forName("sun.nio.ch.IOUtil");
                MethodHandle fdVal = MethodHandles.privateLookupIn(ioUtil, MethodHandles.lookup())
                        .findStatic(ioUtil, "fdVal", MethodType.methodType(int.class, FileDescriptor.class));
                return new Access(impl, fd, fdVal, null);
            } catch (ReflectiveOperationException | RuntimeException e) {
                return new Access(null, null, null, e);
            }
        }
    }

    // A fresh exception per call, so that its stack trace is this caller's, naming the overload used.
    private static UnsupportedOperationException closed(String overload) {
        return new UnsupportedOperationException("reaching the int descriptor of a " + overload
                + " needs the JVM flag " + REQUIRED_FLAG + " (or use FallocateFile.open, a Path or an int fd instead)",
                ACCESS.failure);
    }

    private static String flag() {
        Module self = ChannelFds.class.getModule();
        String target = self.isNamed() ? self.getName() : "ALL-UNNAMED";
        return "--add-opens=java.base/sun.nio.ch=" + target;
    }

    /**
     * The descriptor of an open channel made by {@code FileChannel.open} or a file stream.
     *
     * @throws UnsupportedOperationException naming the JVM flag when the JDK's internals are closed
     * @throws IllegalArgumentException for a FileChannel implementation that is not the JDK's
     */
    public static int fdOf(FileChannel channel) {
        if (ACCESS.failure != null) {
            throw closed("FileChannel");
        }
        if (!ACCESS.implClass.isInstance(channel)) {
            throw new IllegalArgumentException("channel must be a FileChannel made by the JDK (FileChannel.open, "
                    + "RandomAccessFile or a file stream), was " + channel.getClass().getName());
        }
        return fdOf((FileDescriptor) ACCESS.fdField.get(channel));
    }

    /**
     * The int value of a descriptor object; -1 for one that is not open.
     *
     * @throws UnsupportedOperationException naming the JVM flag when the JDK's internals are closed
     */
    public static int fdOf(FileDescriptor descriptor) {
        if (ACCESS.failure != null) {
            throw closed("FileDescriptor");
        }
        try {
            return (int) ACCESS.fdVal.invokeExact(descriptor);
        } catch (Throwable t) {
            throw new AssertionError("jfallocate bug: IOUtil.fdVal threw", t);
        }
    }
}
