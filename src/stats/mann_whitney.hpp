#pragma once

#include <span>

namespace spyglass::stats {

enum class MwuMethod { k_auto, k_exact, k_normal };

struct MannWhitneyU {
  double u = 0.0;
  double p = 1.0;  // two-sided
};

// The two-sided Mann-Whitney U test exactly as asv's `mann_whitney_u` computes it: conservative
// tie handling, no tie-variance or continuity correction; `k_auto` is exact up to 20 samples a side
// and the normal approximation above (spec 4.3). `k_exact` needs C(m+n, m) < 2^64 (else it throws
// std::invalid_argument; `k_auto` never gets there); `k_normal` gives p = NaN for an empty side,
// where asv raises ZeroDivisionError.
MannWhitneyU mann_whitney_u(std::span<const double> x, std::span<const double> y,
                            MwuMethod method = MwuMethod::k_auto);

// The binomial coefficient C(n, k) as a double: exact while it fits in 53 bits, 0 when k < 0 or k >
// n.
double binom(int n, int k);

}  // namespace spyglass::stats
