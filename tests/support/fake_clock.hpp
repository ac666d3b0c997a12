#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <vector>

#include "spyglass/util/clock.hpp"

namespace spyglass::test {

// A clock that never sleeps: sleep_for records the wait and moves time forward by it.
class FakeClock final : public util::Clock {
 public:
  // 2023-11-14T22:13:20Z, a fixed and plausible "now".
  static constexpr std::chrono::seconds k_start{1'700'000'000};

  std::chrono::system_clock::time_point now() const override { return m_now; }
  void sleep_for(std::chrono::milliseconds duration) override {
    m_sleeps.push_back(duration);
    m_now += duration;
    if (on_sleep) {
      on_sleep(m_sleeps.size());
    }
  }

  // Run after each wait with the number of waits so far: a test acts there as another process.
  std::function<void(std::size_t)> on_sleep;

  // Every wait asked for, in order.
  const std::vector<std::chrono::milliseconds>& sleeps() const { return m_sleeps; }

 private:
  std::chrono::system_clock::time_point m_now{k_start};
  std::vector<std::chrono::milliseconds> m_sleeps;
};

}  // namespace spyglass::test
