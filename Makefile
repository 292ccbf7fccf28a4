# Focal's two set-up commands, `make run` and `make test`, and the others.
# Each first installs the Debian packages that are missing (.ci/deps.sh).

BUILD ?= build
BUILD_ASAN ?= build-asan
BUILD_RELEASE ?= build-release
# ON in CI (.ci/run): warnings become errors there, never in a user's build.
FOCAL_WERROR ?= OFF
JOBS ?= $(shell nproc)
GENERATOR := $(shell command -v ninja >/dev/null 2>&1 && echo "-G Ninja")
DEMO ?= $(HOME)/.local/share/focal/demo.focal
SOURCES = $(shell git ls-files '*.cpp' '*.h' 2>/dev/null || find forms export app tests -name '*.cpp' -o -name '*.h')

.PHONY: all deps build run test bench test-sanitize build-release format format-check fuzz clean

all: build

deps:
	@bash .ci/deps.sh

# Configured once with the generator and build type; FOCAL_WERROR is set on every run.
build: deps
	@if [ -f $(BUILD)/CMakeCache.txt ]; then cmake -S . -B $(BUILD) -DFOCAL_WERROR=$(FOCAL_WERROR) >/dev/null; \
	else cmake -S . -B $(BUILD) $(GENERATOR) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFOCAL_WERROR=$(FOCAL_WERROR); fi
	cmake --build $(BUILD) -j $(JOBS)

# Opens the desktop app on a demo workspace answering tip-cycle2.
run: build
	$(BUILD)/app/focal --demo "$(DEMO)"

# Every test; the GUI tests run under Xvfb when there is no display.
test: build
	@if [ -z "$$DISPLAY" ] && command -v xvfb-run >/dev/null; then \
	  xvfb-run -a -s "-screen 0 1280x900x24" ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS); \
	else ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS); fi

bench: build
	@if [ -z "$$DISPLAY" ] && command -v xvfb-run >/dev/null; then \
	  xvfb-run -a -s "-screen 0 1280x900x24" $(BUILD)/tests/bench/focal_bench; \
	else $(BUILD)/tests/bench/focal_bench; fi
	@if [ -x $(BUILD)/tests/app/focal_gui_bench ]; then \
	  $(BUILD)/tests/app/focal_gui_bench --prepare $(BUILD)/gui-bench && \
	  if [ -z "$$DISPLAY" ] && command -v xvfb-run >/dev/null; then \
	    xvfb-run -a -s "-screen 0 1280x900x24" $(BUILD)/tests/app/focal_gui_bench $(BUILD)/gui-bench && \
	    xvfb-run -a -s "-screen 0 1280x900x24" $(BUILD)/tests/app/focal_gui_bench --bundled $(BUILD)/gui-bench; \
	  else $(BUILD)/tests/app/focal_gui_bench $(BUILD)/gui-bench && \
	    $(BUILD)/tests/app/focal_gui_bench --bundled $(BUILD)/gui-bench; fi; \
	fi

# The test suite again with AddressSanitizer and UndefinedBehaviorSanitizer
# (without the desktop program: GTK is not built for them).
test-sanitize: deps
	cmake -S . -B $(BUILD_ASAN) $(GENERATOR) -DCMAKE_BUILD_TYPE=Debug -DFOCAL_SANITIZE=ON \
	  -DFOCAL_BUILD_APP=OFF -DFOCAL_BUILD_BENCH=OFF -DFOCAL_WERROR=$(FOCAL_WERROR)
	cmake --build $(BUILD_ASAN) -j $(JOBS)
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	  ctest --test-dir $(BUILD_ASAN) --output-on-failure -j $(JOBS)

# The libraries and focal-cli as a packager builds them (Release, -O3), so
# that a warning only the optimizer sees is caught before a packager meets it.
build-release: deps
	cmake -S . -B $(BUILD_RELEASE) $(GENERATOR) -DCMAKE_BUILD_TYPE=Release -DFOCAL_BUILD_APP=OFF \
	  -DFOCAL_BUILD_BENCH=OFF -DBUILD_TESTING=OFF -DFOCAL_WERROR=$(FOCAL_WERROR)
	cmake --build $(BUILD_RELEASE) -j $(JOBS)

format:
	clang-format -i $(SOURCES)

format-check:
	clang-format --dry-run -Werror $(SOURCES)

clean:
	rm -rf $(BUILD) $(BUILD_ASAN) $(BUILD_RELEASE)
