#pragma once

#include "spyglass/util/io.hpp"

namespace spyglass::cli {

// Commands read and write through util::Io.
using Io = util::Io;

}  // namespace spyglass::cli
