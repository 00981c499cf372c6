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

.PHONY: build test bench bench-full report matrix-up matrix-down clean

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

# 'make report' reports on the newest results/<run-id>; 'make report RUNS="results/a results/b"' merges several
# into results/compare-<UTC date>/report/ (or OUT=dir). One run's report goes to results/<run-id>/report/.
RUNS ?= $(lastword $(sort $(patsubst %/results.csv,%,$(filter-out results/compare-%,$(wildcard results/*/results.csv)))))
report:
	@if [ -z "$(strip $(RUNS))" ]; then echo "make report: no results/<run-id>/results.csv yet: run 'make bench' first, or give RUNS=..." >&2; exit 2; fi
	$(MVN) -q test-compile
	"$(JAVA_HOME)/bin/java" -Djava.awt.headless=true \
	  -cp "target/classes:target/test-classes:$$(cat target/test-classpath.txt)" \
	  org.jfallocate.report.ReportMain $(if $(OUT),--out "$(OUT)") $(RUNS)
