#include "spyglass/util/input_limit.hpp"

#include <array>
#include <charconv>
#include <limits>
#include <utility>

#include "spyglass/util/error.hpp"

namespace spyglass::util {

std::optional<std::uint64_t> parse_byte_size(std::string_view text) {
  static constexpr std::array<std::pair<std::string_view, std::uint64_t>, 3> k_suffixes = {{
      {"KiB", std::uint64_t{1} << 10},
      {"MiB", std::uint64_t{1} << 20},
      {"GiB", std::uint64_t{1} << 30},
  }};
  std::uint64_t multiplier = 1;
  for (const auto& [suffix, scale] : k_suffixes) {
    if (text.ends_with(suffix)) {
      text.remove_suffix(suffix.size());
      multiplier = scale;
      break;
    }
  }
  std::uint64_t count = 0;
  const char* end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, count);
  if (text.empty() || error != std::errc() || stop != end || count == 0 ||
      count > std::numeric_limits<std::uint64_t>::max() / multiplier) {
    return std::nullopt;
  }
  return count * multiplier;
}

void check_input_size(const std::string& file, std::uint64_t size, std::uint64_t limit) {
  if (size > limit) {
    throw_input_error(file, "is larger than the input limit (" + std::to_string(limit) +
                                " bytes; --max-input-size)");
  }
}

}  // namespace spyglass::util
