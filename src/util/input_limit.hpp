#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace spyglass::util {

// The most bytes spyglass reads from one input unless told otherwise (`--max-input-size`, the
// action's `max-input-size`). Far above a real result file (a 10k-benchmark Google Benchmark
// file with repetitions is 56 MB), it bounds the memory a fork's file can make the job take.
inline constexpr std::uint64_t k_default_max_input_size = std::uint64_t{1} << 30;

// `text` as a positive byte count: digits with an optional `KiB`, `MiB` or `GiB` suffix
// ("64MiB"); nullopt when it is not one or does not fit 64 bits.
std::optional<std::uint64_t> parse_byte_size(std::string_view text);

// Throws Error(k_bad_input) "`file`: is larger than the input limit (N bytes; --max-input-size)"
// when `size` is over `limit`.
void check_input_size(const std::string& file, std::uint64_t size, std::uint64_t limit);

}  // namespace spyglass::util
