#include "support/gfm_inspect.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <array>
#include <memory>
#include <stdexcept>

namespace spyglass::test {
namespace {

struct ParserFree {
  void operator()(cmark_parser* parser) const { cmark_parser_free(parser); }
};
struct NodeFree {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};

bool has_type(cmark_node* node, std::string_view type) {
  return std::string_view(cmark_node_get_type_string(node)) == type;
}

std::string plain_text(cmark_node* node) {
  std::string out;
  for (cmark_node* child = cmark_node_first_child(node); child != nullptr;
       child = cmark_node_next(child)) {
    switch (cmark_node_get_type(child)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
        out += cmark_node_get_literal(child);
        break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK:
        out += ' ';
        break;
      case CMARK_NODE_HTML_INLINE:
        break;
      default:
        out += plain_text(child);
    }
  }
  return out;
}

GfmTable read_table(cmark_node* table) {
  GfmTable out;
  for (cmark_node* row = cmark_node_first_child(table); row != nullptr;
       row = cmark_node_next(row)) {
    std::vector<std::string> cells;
    for (cmark_node* cell = cmark_node_first_child(row); cell != nullptr;
         cell = cmark_node_next(cell)) {
      cells.push_back(plain_text(cell));
    }
    if (cmark_gfm_extensions_get_table_row_is_header(row) != 0) {
      out.header = std::move(cells);
    } else {
      out.rows.push_back(std::move(cells));
    }
  }
  return out;
}

}  // namespace

GfmSummary inspect_gfm(std::string_view markdown) {
  cmark_gfm_core_extensions_ensure_registered();
  const std::unique_ptr<cmark_parser, ParserFree> parser(cmark_parser_new(CMARK_OPT_DEFAULT));
  for (const char* name : std::array{"table", "strikethrough", "autolink", "tasklist"}) {
    cmark_syntax_extension* extension = cmark_find_syntax_extension(name);
    if (extension == nullptr) {
      throw std::runtime_error(std::string("cmark-gfm lacks the extension ") + name);
    }
    cmark_parser_attach_syntax_extension(parser.get(), extension);
  }
  cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
  const std::unique_ptr<cmark_node, NodeFree> document(cmark_parser_finish(parser.get()));

  GfmSummary summary;
  cmark_iter* iter = cmark_iter_new(document.get());
  while (cmark_iter_next(iter) != CMARK_EVENT_DONE) {
    if (cmark_iter_get_event_type(iter) != CMARK_EVENT_ENTER) {
      continue;
    }
    cmark_node* node = cmark_iter_get_node(iter);
    const auto type = cmark_node_get_type(node);
    if (type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE) {
      summary.raw_html.emplace_back(cmark_node_get_literal(node));
    } else if (has_type(node, "table")) {
      summary.tables.push_back(read_table(node));
    }
  }
  cmark_iter_free(iter);
  return summary;
}

}  // namespace spyglass::test
