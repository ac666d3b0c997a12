#pragma once

#include <chrono>

namespace spyglass::util {

// Wall-clock time and waiting, injected so retry tests neither sleep nor depend on the hour.
class Clock {
 public:
  virtual ~Clock() = default;
  // The current time, comparable with the epoch seconds servers send (`x-ratelimit-reset`).
  virtual std::chrono::system_clock::time_point now() const = 0;
  // Block the calling thread for `duration`.
  virtual void sleep_for(std::chrono::milliseconds duration) = 0;
};

// The real clock.
class SystemClock final : public Clock {
 public:
  std::chrono::system_clock::time_point now() const override;
  void sleep_for(std::chrono::milliseconds duration) override;
};

}  // namespace spyglass::util
