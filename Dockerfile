# spyglass as a container action (action.yml: `runs.using: docker`, `image: Dockerfile`).
# Releases point action.yml at this image prebuilt on GHCR (docs/action.md, "Which image runs").

# Build stage: compile spyglass from Debian packages only, Release, without tests.
FROM docker.io/library/debian:bookworm-slim AS build
RUN apt-get update -qq \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      cmake ninja-build g++ nlohmann-json3-dev libfmt-dev libcli11-dev libcurl4-openssl-dev \
      libcmark-gfm-dev libcmark-gfm-extensions-dev libkainjow-mustache-dev ca-certificates \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY CMakeLists.txt ./
COPY cmake ./cmake
COPY include ./include
COPY src ./src
COPY templates ./templates
COPY scripts/collect-runtime.sh ./scripts/
RUN cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DSPYGLASS_BUILD_TESTS=OFF \
 && cmake --build build --target spyglass \
 && strip build/spyglass \
 && bash scripts/collect-runtime.sh build/spyglass /rootfs

# Runtime stage: nothing but the binary, the shared libraries it loads, the CA bundle and
# nsswitch.conf (scripts/collect-runtime.sh). No shell, no package manager; no network use at
# run time except the GitHub API.
FROM scratch
LABEL org.opencontainers.image.licenses="BSD-3-Clause"
COPY --from=build /rootfs /
# The license's notice travels with the binary (its second clause).
COPY LICENSE /usr/share/doc/spyglass/LICENSE
WORKDIR /github/workspace
ENTRYPOINT ["/usr/local/bin/spyglass"]
