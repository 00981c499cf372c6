# jfallocate: 'make test' runs every test, 'make bench' runs the benchmark suite on
# every filesystem available and writes results/<run-id>/ with its report.

SHELL := /bin/bash
.DEFAULT_GOAL := build

# A JDK >= 22, found in JAVA_HOME, on PATH, or under /usr/lib/jvm (bin/find-jdk).
JDK := $(shell bin/find-jdk)
ifeq ($(JDK),)
$(error no JDK >= 22 found: see the message above)
endif
export JAVA_HOME := $(JDK)
# Maven's own libraries call sun.misc.Unsafe, which JDK 24+ warns about on every build.
JDK_FEATURE := $(shell "$(JDK)/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
ifeq ($(shell [ "$(JDK_FEATURE)" -ge 24 ] 2>/dev/null && echo yes),yes)
export MAVEN_OPTS := $(MAVEN_OPTS) --sun-misc-unsafe-memory-access=allow
endif
MVN := mvn -B -ntp
# Where bin/fs-matrix mounts its loop-mounted filesystems for tests and benchmarks.
export FS_MATRIX_ROOT ?= /tmp/jfallocate-fs

.PHONY: build test bench bench-full report matrix-up matrix-down clean fsx

build:
	$(MVN) -q package -DskipTests

test:
	bin/with-fs-matrix $(MVN) verify

matrix-up:
	bin/fs-matrix up

matrix-down:
	bin/fs-matrix down

clean:
	$(MVN) -q clean

# The fsx-style exerciser, longer than in 'make test', on every filesystem of the matrix.
# A failure prints its seed and step: replay with 'make fsx SEED=<seed> OPS=<step>'.
SEED ?= $(shell date +%s)
OPS ?= 50000
fsx:
	$(MVN) -q test-compile
	bin/with-fs-matrix "$(JDK)/bin/java" --enable-native-access=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
		-cp "target/classes:target/test-classes:$$(cat target/test-classpath.txt)" \
		org.jfallocate.fsx.Exerciser --seed $(SEED) --ops $(OPS)
