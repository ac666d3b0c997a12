# spyglass as a container action (action.yml: `runs.using: docker`, `image: Dockerfile`).
# Releases point action.yml at this image prebuilt on GHCR (docs/action.md, "Which image runs").

# Build stage: compile spyglass from Debian packages only (scripts/install-deps.sh's build set),
# Release, without tests.
FROM docker.io/library/debian:bookworm-slim AS build
WORKDIR /src
COPY scripts/install-deps.sh ./scripts/
RUN bash scripts/install-deps.sh build ca-certificates && rm -rf /var/lib/apt/lists/*
COPY CMakeLists.txt ./
COPY cmake ./cmake
COPY include ./include
COPY src ./src
COPY templates ./templates
COPY scripts/collect-runtime.sh ./scripts/
RUN cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DSPYGLASS_BUILD_TESTS=OFF \
 && cmake --build build --target spyglass \
 && strip build/spyglass \
 && bash scripts/collect-runtime.sh build/spyglass /rootfs \
 && install -d -m 1777 /rootfs/tmp

# Runtime stage: nothing but the binary, the shared libraries it loads, the CA bundle and
# nsswitch.conf (scripts/collect-runtime.sh), and an empty /tmp: the last place the report
# (body-path) falls back to when the runner mounts neither RUNNER_TEMP nor a writable HOME
# (src/action/report_file.cpp). No shell, no package manager; no network use at run time except
# the GitHub API.
FROM scratch
LABEL org.opencontainers.image.licenses="BSD-3-Clause"
COPY --from=build /rootfs /
# The license's notice travels with the binary (its second clause).
COPY LICENSE /usr/share/doc/spyglass/LICENSE
WORKDIR /github/workspace
ENTRYPOINT ["/usr/local/bin/spyglass"]
