/**
 * jfallocate: {@code fallocate(2)} and {@code posix_fallocate(3)} for the JVM through the
 * Foreign Function &amp; Memory API. Only {@code org.jfallocate} is exported; the downcall
 * handles live in a package no one else can reach. Every call is also a
 * {@code jfallocate.Fallocate} flight-recorder event; its class sits in an unexported package,
 * which JFR opens to itself when it registers the event.
 */
module org.jfallocate {
    requires jdk.jfr;

    exports org.jfallocate;
}
