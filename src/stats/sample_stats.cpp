#include "spyglass/stats/sample_stats.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <vector>

namespace spyglass::stats {

namespace {

constexpr double k_infinity = std::numeric_limits<double>::infinity();

// The coverage asv_runner asks `quantile_ci` for; it folds it into alpha = 1 - 0.99.
constexpr double k_ci_level = 0.99;

// The tail probability of the posterior quantiles that replace an unbounded CI end.
constexpr double k_posterior_tail = 0.01 / 2;

// asv_runner's `quantile` on samples already in ascending order.
double sorted_quantile(const std::vector<double>& y, double q) {
  const std::size_t last = y.size() - 1;
  double z = static_cast<double>(last) * q;
  const auto j = static_cast<std::size_t>(std::floor(z));
  z -= static_cast<double>(j);
  if (j == last) {
    return y.back();
  }
  return (1 - z) * y[j] + z * y[j + 1];
}

std::vector<double> sorted_copy(std::span<const double> samples) {
  std::vector<double> y(samples.begin(), samples.end());
  std::sort(y.begin(), y.end());
  return y;
}

// asv_runner's `binom_pmf` through log-gamma, for 0 < `p` < 1 and 0 <= `k` <= `n`.
double binomial_pmf(int n, int k, double p) {
  const double log_p = std::log(p);
  const double log_not_p = std::log(1 - p);
  return std::exp(std::lgamma(1.0 + n) - std::lgamma(1.0 + n - k) - std::lgamma(1.0 + k) +
                  k * log_p + (n - k) * log_not_p);
}

struct Interval {
  double low = -k_infinity;
  double high = k_infinity;
};

// asv_runner's `quantile_ci` interval for quantile `q` of the sorted `y`: the order statistics
// whose binomial CDF brackets the coverage, each end infinite when no sample qualifies.
Interval order_statistic_ci(const std::vector<double>& y, double q) {
  const double alpha = std::min(k_ci_level, 1 - k_ci_level);
  const double pa = alpha / 2;
  const double pb = 1 - pa;
  const auto n = static_cast<int>(y.size());
  Interval ci;
  double cumulative = 0.0;
  for (int k = 0; k < n; ++k) {
    cumulative += binomial_pmf(n, k, q);
    if (cumulative <= pa) {
      ci.low = y[k];
    }
    if (cumulative >= pb) {
      ci.high = y[k];
      break;
    }
  }
  return ci;
}

// asv_runner's `LaplacePosterior`, as far as `compute_stats` uses it: the quantile function of the
// posterior p(beta|y) ~ (sum_j |y_j - beta|)^-(n) of a location under Laplace noise. Every
// operation follows the original's order so that the bounds match it to the last bit.
class LaplacePosterior {
 public:
  // `sorted` holds at least two samples in ascending order.
  explicit LaplacePosterior(const std::vector<double>& sorted);

  // The posterior quantile at `p` in [0, 1].
  double ppf(double p) const;

 private:
  // sum(y[k:]) - sum(y[:k]) over the scaled samples, each sum taken left to right.
  double signed_sum(std::size_t k) const;

  int m_nu;
  double m_mle;
  double m_scale;
  std::vector<double> m_y;    // the samples minus the MLE, divided by m_scale
  std::vector<double> m_cdf;  // the unnormalized CDF at each m_y[k], then its total
};

LaplacePosterior::LaplacePosterior(const std::vector<double>& sorted)
    : m_nu(static_cast<int>(sorted.size()) - 1), m_mle(sorted_quantile(sorted, 0.5)), m_scale(0.0) {
  // Scale so that the unnormalized density near the MLE is about 1/nu, which keeps the piecewise
  // integrals below from overflowing.
  for (const double value : sorted) {
    m_scale += std::abs(value - m_mle);
  }
  m_scale *= std::pow(static_cast<double>(m_nu), 1.0 / (m_nu + 1));
  if (m_scale == 0) {
    return;  // a point mass at the MLE; ppf needs no integrals
  }
  for (const double value : sorted) {
    m_y.push_back((value - m_mle) / m_scale);
  }

  // Integrate piecewise between the samples, where sum_j |y_j - beta| is linear in beta.
  const auto n = static_cast<int>(m_y.size());
  double cumulative = 0.0;
  for (int k = 0; k <= n; ++k) {
    const int c = 2 * k - n;
    const double slope_sum = signed_sum(static_cast<std::size_t>(k));
    const double a = k == 0 ? -k_infinity : m_y[k - 1];
    const double b = k == n ? k_infinity : m_y[k];
    const double term =
        c == 0 ? (b - a) / std::pow(slope_sum, m_nu + 1)
               : 1.0 / (m_nu * c) *
                     (std::pow(a * c + slope_sum, -m_nu) - std::pow(b * c + slope_sum, -m_nu));
    cumulative += std::max(0.0, term);  // a rounding error must not make the CDF decrease
    m_cdf.push_back(cumulative);
  }
}

double LaplacePosterior::ppf(double p) const {
  if (m_scale == 0) {
    return m_mle;
  }
  const double total = m_cdf.back();
  const double target = std::min(p * total, total);
  const std::size_t n = m_y.size();
  std::size_t k = 0;
  while (k < n && !(target <= m_cdf[k])) {
    ++k;
  }

  // Invert the integral on the piece (y[k-1], y[k]).
  const int c = 2 * static_cast<int>(k) - static_cast<int>(n);
  const double slope_sum = signed_sum(k);
  double beta = 0.0;
  if (k == 0) {
    const double z = -m_nu * c * target;
    beta = z > 0 ? (std::pow(z, -1.0 / m_nu) - slope_sum) / c : -k_infinity;
  } else {
    const double a = m_y[k - 1];
    const double term = target - m_cdf[k - 1];
    if (c == 0) {
      beta = a + term * std::pow(slope_sum, m_nu + 1);
    } else {
      const double z = std::pow(a * c + slope_sum, -m_nu) - m_nu * c * term;
      beta = z > 0 ? (std::pow(z, -1.0 / m_nu) - slope_sum) / c : k_infinity;
    }
  }
  if (k < n) {
    beta = std::min(beta, m_y[k]);
  }
  return beta * m_scale + m_mle;
}

double LaplacePosterior::signed_sum(std::size_t k) const {
  double above = 0.0;
  for (std::size_t j = k; j < m_y.size(); ++j) {
    above += m_y[j];
  }
  double below = 0.0;
  for (std::size_t j = 0; j < k; ++j) {
    below += m_y[j];
  }
  return above - below;
}

}  // namespace

std::optional<ComputedStats> compute_stats(std::span<const double> samples, double number) {
  if (samples.empty()) {
    return std::nullopt;
  }
  const std::vector<double> y = sorted_copy(samples);
  Interval ci = order_statistic_ci(y, 0.5);
  if ((std::isinf(ci.low) || std::isinf(ci.high)) && y.size() > 1) {
    // Too few samples for an order-statistic bound: take the posterior's credible bound instead,
    // but never inside the sample range.
    const LaplacePosterior posterior(y);
    if (std::isinf(ci.low)) {
      ci.low = std::min(posterior.ppf(k_posterior_tail), y.front());
    }
    if (std::isinf(ci.high)) {
      ci.high = std::max(posterior.ppf(1 - k_posterior_tail), y.back());
    }
  }

  ComputedStats computed;
  computed.result = sorted_quantile(y, 0.5);
  computed.stats.ci_99_a = ci.low;
  computed.stats.ci_99_b = ci.high;
  computed.stats.q_25 = sorted_quantile(y, 0.25);
  computed.stats.q_75 = sorted_quantile(y, 0.75);
  computed.stats.repeat = static_cast<double>(y.size());
  computed.stats.number = number;
  return computed;
}

double quantile(std::span<const double> samples, double q) {
  return sorted_quantile(sorted_copy(samples), q);
}

std::optional<double> half_iqr(const model::Stats& stats) {
  if (!stats.q_25 || !stats.q_75) {
    return std::nullopt;
  }
  return (*stats.q_75 - *stats.q_25) / 2;
}

}  // namespace spyglass::stats
