/**
 * jfallocate: {@code fallocate(2)} and {@code posix_fallocate(3)} for the JVM through the
 * Foreign Function &amp; Memory API. Only {@code org.jfallocate} is exported; the downcall
 * handles live in a package no one else can reach.
 */
module org.jfallocate {
    exports org.jfallocate;
}
