# spyglass as a container action (action.yml: `runs.using: docker`, `image: Dockerfile`).
# docs/action.md explains publishing this image so users skip the build.

# Build stage: compile spyglass from Debian packages only, Release, without tests.
FROM docker.io/library/debian:bookworm-slim AS build
RUN apt-get update -qq \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      cmake ninja-build g++ nlohmann-json3-dev libfmt-dev libcli11-dev libcurl4-openssl-dev \
      libcmark-gfm-dev libcmark-gfm-extensions-dev libkainjow-mustache-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY CMakeLists.txt ./
COPY cmake ./cmake
COPY include ./include
COPY src ./src
COPY templates ./templates
RUN cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DSPYGLASS_BUILD_TESTS=OFF \
 && cmake --build build --target spyglass \
 && strip build/spyglass

# Runtime stage: the binary and the shared libraries it links; no network use at run time
# except the GitHub API.
FROM docker.io/library/debian:bookworm-slim
RUN apt-get update -qq \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      libfmt9 libcurl4 ca-certificates libcmark-gfm0.29.0.gfm.6 \
      libcmark-gfm-extensions0.29.0.gfm.6 \
 && rm -rf /var/lib/apt/lists/* /var/cache/apt/* /var/log/apt /var/log/dpkg.log \
      /usr/share/doc /usr/share/man /usr/share/locale
COPY --from=build /src/build/spyglass /usr/local/bin/spyglass
WORKDIR /github/workspace
ENTRYPOINT ["/usr/local/bin/spyglass"]
