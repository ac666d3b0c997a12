#include "spyglass/stats/mann_whitney.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <map>
#include <mutex>
#include <numeric>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace spyglass::stats {

namespace {

// Integers up to this are exact doubles, so dividing two of them rounds correctly.
constexpr std::uint64_t k_exact_double_limit = std::uint64_t{1} << 53;

// C(n, k) exactly, or nullopt when it does not fit in 64 bits.
std::optional<std::uint64_t> exact_binom(int n, int k) {
  if (k < 0 || k > n) {
    return 0;
  }
  k = std::min(k, n - k);
  std::uint64_t result = 1;
  for (int j = 1; j <= k; ++j) {
    // result * (n-k+j) / j is the integer C(n-k+j, j); dividing by the gcd first keeps the
    // product from overflowing unless that coefficient itself does.
    const auto step = static_cast<std::uint64_t>(j);
    const std::uint64_t common = std::gcd(result, step);
    const std::uint64_t factor = static_cast<std::uint64_t>(n - k + j) / (step / common);
    const std::uint64_t reduced = result / common;
    if (reduced > std::numeric_limits<std::uint64_t>::max() / factor) {
      return std::nullopt;
    }
    result = reduced * factor;
  }
  return result;
}

// `num / den` rounded correctly (half to even), as Python's int true division does; 0 <= num <=
// den.
double exact_ratio(std::uint64_t num, std::uint64_t den) {
  if (num <= k_exact_double_limit && den <= k_exact_double_limit) {
    return static_cast<double>(num) / static_cast<double>(den);
  }
  if (num == den) {
    return 1.0;
  }
  if (num == 0) {
    return 0.0;
  }
  // Binary long division of the fraction: skip to the first 1 bit, then take 53 bits and a round
  // bit.
  constexpr int k_kept_bits = std::numeric_limits<double>::digits + 1;
  std::uint64_t remainder = num;
  std::uint64_t bits = 0;
  int taken = 0;
  int position = 0;  // the weight of the last bit taken is 2^-position
  while (taken < k_kept_bits) {
    const bool carry = (remainder >> 63) != 0;
    remainder <<= 1;
    ++position;
    const bool bit = carry || remainder >= den;
    if (bit) {
      remainder -= den;  // wraps back into range when `carry` was set
    }
    if (bit || taken > 0) {
      bits = (bits << 1) | static_cast<std::uint64_t>(bit);
      ++taken;
    }
  }
  std::uint64_t mantissa = bits >> 1;
  const bool round_bit = (bits & 1) != 0;
  if (round_bit && (remainder != 0 || (mantissa & 1) != 0)) {
    ++mantissa;
  }
  return std::ldexp(static_cast<double>(mantissa), -(position - 1));
}

// r(m, n, u) for u = 0..m*n: the coefficients of the Gaussian binomial [m+n choose m]_q.
// Built as the product of (1 - q^(n+i)) / (1 - q^i) for i = 1..m in wrapping 64-bit arithmetic,
// which is exact because every partial quotient has coefficients below C(m+n, m) < 2^64.
std::vector<std::uint64_t> arrangement_counts(int m, int n) {
  const auto width = static_cast<std::size_t>(n);
  std::vector<std::uint64_t> counts(static_cast<std::size_t>(m) * width + 1, 0);
  counts[0] = 1;
  for (std::size_t i = 1; i <= static_cast<std::size_t>(m); ++i) {
    const std::size_t degree = i * width;  // of [n+i choose i]_q; higher terms are not needed
    const std::size_t shift = width + i;
    for (std::size_t u = degree; u >= shift; --u) {
      counts[u] -= counts[u - shift];
    }
    for (std::size_t u = i; u <= degree; ++u) {
      counts[u] += counts[u - i];
    }
  }
  return counts;
}

// The exact CDF of U for sizes `m` and `n`, summed term by term as asv does so that every value
// matches its floating point result bit for bit. Cached: compares call this for every benchmark.
const std::vector<double>& exact_cdf(int m, int n) {
  static std::mutex mutex;
  static std::map<std::pair<int, int>, std::vector<double>> cache;

  const std::pair<int, int> key{std::min(m, n), std::max(m, n)};
  const std::lock_guard<std::mutex> lock(mutex);
  const auto found = cache.find(key);
  if (found != cache.end()) {
    return found->second;
  }
  const std::optional<std::uint64_t> total = exact_binom(m + n, m);
  if (!total) {
    throw std::invalid_argument("mann_whitney_u: exact method for " + std::to_string(m) + " and " +
                                std::to_string(n) + " samples needs more than 64-bit counts");
  }
  const std::vector<std::uint64_t> counts = arrangement_counts(key.first, key.second);
  std::vector<double> cdf(counts.size());
  double sum = 0.0;
  for (std::size_t u = 0; u < counts.size(); ++u) {
    sum += exact_ratio(counts[u], *total);
    cdf[u] = sum;
  }
  return cache.emplace(key, std::move(cdf)).first->second;
}

}  // namespace

MannWhitneyU mann_whitney_u(std::span<const double> x, std::span<const double> y,
                            MwuMethod method) {
  const auto m = static_cast<std::int64_t>(x.size());
  const auto n = static_cast<std::int64_t>(y.size());
  const std::int64_t mn = m * n;
  const std::int64_t half = mn / 2;
  if (method == MwuMethod::k_auto) {
    method = std::max(m, n) > 20 ? MwuMethod::k_normal : MwuMethod::k_exact;
  }

  std::int64_t u = 0;
  std::int64_t ties = 0;
  for (const double xx : x) {
    for (const double yy : y) {
      if (xx > yy) {
        ++u;
      } else if (xx == yy) {
        ++ties;
      }
    }
  }

  // Conservative tie breaking: count the ties the way that makes the result least significant.
  if (u <= half && u + ties >= half) {
    ties = half - u;
  }
  const std::int64_t ux1 = std::min(u, mn - u);
  const std::int64_t ux2 = std::min(u + ties, mn - (u + ties));
  std::int64_t ux = ux1;
  if (ux1 < ux2) {
    u += ties;
    ux = ux2;
  }

  double p = 0.0;
  if (method == MwuMethod::k_exact) {
    const std::vector<double>& cdf = exact_cdf(static_cast<int>(m), static_cast<int>(n));
    const double p1 = cdf[static_cast<std::size_t>(ux)];
    const double p2 = 1.0 - cdf[static_cast<std::size_t>(std::max(half, mn - ux - 1))];
    p = p1 + p2;
  } else {
    const double variance = static_cast<double>(mn * (m + n + 1)) / 12.0;
    const double z =
        (static_cast<double>(ux) - static_cast<double>(mn) / 2.0) / std::sqrt(variance);
    p = 2.0 * (0.5 * std::erfc(-z / std::sqrt(2.0)));
  }
  return MannWhitneyU{static_cast<double>(u), p};
}

double binom(int n, int k) {
  if (const std::optional<std::uint64_t> exact = exact_binom(n, k)) {
    return static_cast<double>(*exact);
  }
  k = std::min(k, n - k);
  double result = 1.0;
  for (int j = 1; j <= k; ++j) {
    result = result * (n - k + j) / j;
  }
  return result;
}

}  // namespace spyglass::stats
