#include "spyglass/model/comparison.hpp"

namespace spyglass::model {

char change_mark(Change change) {
  switch (change) {
    case Change::k_none:
      return ' ';
    case Change::k_improved:
      return '-';
    case Change::k_regressed:
      return '+';
    case Change::k_failure_introduced:
      return '!';
    case Change::k_failure_fixed:
      return '*';
    case Change::k_incomparable:
      return 'x';
  }
  return ' ';
}

Section section_of(Change change) {
  switch (change) {
    case Change::k_improved:
    case Change::k_failure_fixed:
      return Section::k_improved;
    case Change::k_regressed:
    case Change::k_failure_introduced:
      return Section::k_regressed;
    case Change::k_incomparable:
      return Section::k_incomparable;
    case Change::k_none:
      return Section::k_unchanged;
  }
  return Section::k_unchanged;
}

}  // namespace spyglass::model
