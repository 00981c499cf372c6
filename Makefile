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

.PHONY: build test bench bench-full bench-build report validate matrix-up matrix-down clean fsx

build:
	$(MVN) -q package -DskipTests

# 'install': the consumer check resolves the binding by its coordinates from the local repository.
test:
	bin/with-fs-matrix $(MVN) install
	bin/consumer-check

# --- Benchmarks (src/jmh/java, docs/benchmarks.md) ---------------------------------
# 'make bench' runs the quick profile on every filesystem of the matrix (or, without root,
# the working directory's and /dev/shm), 'make bench-full' the publication profile;
# ARGS="..." is passed to JMH (a benchmark regex, -p strategy=..., -p size=..., -p dir=..., -i/-f).
# Each run writes $(RESULTS)/<run-id>/ (results.csv, jmh-<fs>.json, jmh.log, environment, histograms/);
# the terminal shows a line per benchmark point, then the recommendation, the report's path and the duration.
RESULTS ?= results
BENCH_RUN_ID := $(shell date -u +%Y%m%d-%H%M%S)-$(shell cat /proc/sys/kernel/hostname 2>/dev/null || echo host)
BENCH_C_LOOP := target/bench/fallocate_loop
BENCH_JAVA_FLAGS := --enable-native-access=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
# JMH 1.37 calls sun.misc.Unsafe, which JDK 24+ warns about; JMH passes these flags on to its forks.
ifeq ($(shell [ "$(JDK_FEATURE)" -ge 24 ] 2>/dev/null && echo yes),yes)
BENCH_JAVA_FLAGS += --sun-misc-unsafe-memory-access=allow
endif
bench: BENCH_PROFILE := quick
bench-full: BENCH_PROFILE := full
# The full profile reserves 1 GiB: the loop images and the tmpfs need room for it. The quick
# profile needs 2 GiB too: on a 1 GiB btrfs its run of 64 MiB files ran out of space (ENOSPC),
# after which btrfs went read-only and every later btrfs point failed.
bench bench-full: export FS_MATRIX_SIZE := $(or $(FS_MATRIX_SIZE),2G)
bench-full: export FS_MATRIX_TMPFS_SIZE := $(or $(FS_MATRIX_TMPFS_SIZE),2g)
# The rotating log's four writers hold two 64 MiB segments each: 512 MiB, more than the default tmpfs.
bench: export FS_MATRIX_TMPFS_SIZE := $(or $(FS_MATRIX_TMPFS_SIZE),1g)
# The benchmarks' loop images live on the working directory's disk, not in /tmp (a tmpfs on
# many machines, where fdatasync would never reach a device). The environment file records
# where each image was.
BENCH_FS_ROOT ?= $(CURDIR)/target/bench-fs
bench bench-full: export FS_MATRIX_ROOT := $(BENCH_FS_ROOT)
# Written images (bin/fs-matrix): on a sparse one the host allocates each block, or converts mkfs's
# unwritten extents, at its first write, which cost the first writer to each block about two more
# disk writes per fdatasync (docs/benchmarks.md, "A fresh image").
bench bench-full validate: export FS_MATRIX_IMAGES := written

bench-build:
	$(MVN) -q test-compile
	mkdir -p $(dir $(BENCH_C_LOOP))
	@if command -v gcc >/dev/null; then gcc -O2 -Wall -Wextra -pthread -o $(BENCH_C_LOOP) src/jmh/c/fallocate_loop.c; \
	else rm -f $(BENCH_C_LOOP); echo "bench: no gcc: the C baseline of BindingOverheadBenchmark is reported as unsupported" >&2; fi

bench bench-full: bench-build
	bin/with-fs-matrix "$(JDK)/bin/java" $(BENCH_JAVA_FLAGS) \
	  -cp "target/classes:target/test-classes:$$(cat target/test-classpath.txt)" \
	  org.jfallocate.bench.BenchRunner --out $(RESULTS)/$(BENCH_RUN_ID) --profile $(BENCH_PROFILE) \
	  --c-binary $(BENCH_C_LOOP) $(ARGS)
	@if [ "$(BENCH_PROFILE)" != full ]; then :; \
	elif command -v fio >/dev/null; then $(MAKE) validate RUN=$(RESULTS)/$(BENCH_RUN_ID); \
	else echo "bench-full: fio is not installed: the run has no fio validation (apt-get install fio, then make validate RUN=$(RESULTS)/$(BENCH_RUN_ID))" >&2; fi
	@$(MAKE) --no-print-directory -s report RUNS=$(RESULTS)/$(BENCH_RUN_ID)

# 'make validate' checks the suite against fio (docs/validation.md): on every filesystem of the
# matrix (the same images as 'make bench'), DurableAppendBenchmark's iteration and the equivalent
# fio job alternate, VALIDATE_REPS fresh files each per strategy; it writes validation.csv,
# validation.md, validation-samples.csv and fio/*.json into RUN (default: a new results/<run-id>-validate).
# 'make bench-full' ends with it, into its own run directory, so that the report shows it.
VALIDATE_REPS ?= 10
VALIDATE_ARGS ?=
validate: export FS_MATRIX_ROOT := $(BENCH_FS_ROOT)
validate: export FS_MATRIX_SIZE := $(or $(FS_MATRIX_SIZE),2G)
validate: bench-build
	@command -v fio >/dev/null || { echo "make validate: fio is not installed (Debian: apt-get install fio)" >&2; exit 2; }
	bin/with-fs-matrix "$(JDK)/bin/java" $(BENCH_JAVA_FLAGS) \
	  -cp "target/classes:target/test-classes:$$(cat target/test-classpath.txt)" \
	  org.jfallocate.bench.FioValidation --out $(or $(RUN),$(RESULTS)/$(BENCH_RUN_ID)-validate) \
	  --reps $(VALIDATE_REPS) $(VALIDATE_ARGS)

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

# 'make report' reports on the newest results/<run-id>; 'make report RUNS="results/a results/b"' merges several
# into results/compare-<UTC date>/report/ (or OUT=dir). One run's report goes to results/<run-id>/report/.
RUNS ?= $(lastword $(sort $(patsubst %/results.csv,%,$(filter-out $(RESULTS)/compare-%,$(wildcard $(RESULTS)/*/results.csv)))))
report:
	@if [ -z "$(strip $(RUNS))" ]; then echo "make report: no results/<run-id>/results.csv yet: run 'make bench' first, or give RUNS=..." >&2; exit 2; fi
	$(MVN) -q test-compile
	"$(JAVA_HOME)/bin/java" -Djava.awt.headless=true \
	  -cp "target/classes:target/test-classes:$$(cat target/test-classpath.txt)" \
	  org.jfallocate.report.ReportMain $(if $(OUT),--out "$(OUT)") $(RUNS)
