#pragma once

#include <array>
#include <cstddef>
#include <streambuf>

namespace spyglass::test {

// A stream buffer that never ends, like a pipe whose writer never closes, or /dev/zero: each read
// gets another chunk of `{`.
class EndlessBuffer : public std::streambuf {
 public:
  // How many bytes the readers have been handed so far.
  std::size_t handed_out() const { return m_handed_out; }

 protected:
  int_type underflow() override {
    m_chunk.fill('{');
    setg(m_chunk.data(), m_chunk.data(), m_chunk.data() + m_chunk.size());
    m_handed_out += m_chunk.size();
    return traits_type::to_int_type('{');
  }

 private:
  std::array<char, 4096> m_chunk{};
  std::size_t m_handed_out = 0;
};

}  // namespace spyglass::test
