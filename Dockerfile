# Build stage: compile spyglass from Debian packages only.
FROM docker.io/library/debian:bookworm-slim AS build
RUN apt-get update -qq \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      cmake ninja-build g++ nlohmann-json3-dev libfmt-dev libcli11-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY CMakeLists.txt ./
COPY include ./include
COPY src ./src
RUN cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DSPYGLASS_BUILD_TESTS=OFF \
 && cmake --build build \
 && strip build/spyglass

# Runtime stage: the binary and the shared libraries it links.
FROM docker.io/library/debian:bookworm-slim
RUN apt-get update -qq \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libfmt9 \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /src/build/spyglass /usr/local/bin/spyglass
ENTRYPOINT ["/usr/local/bin/spyglass"]
