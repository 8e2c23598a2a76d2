// libFuzzer target: any bytes through Document::parse end in a tree or diagnostics, never a
// crash, a hang or unbounded memory; every diagnostic and every node of a loaded tree points at
// a line of the text (the source map covers the whole tree).
#include "core/manifest/document.h"
#include "core/manifest/json_pointer.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

// A position is inside the text when its line exists (1-based; 0 is "unknown").
bool inside(int line, int column, int lines) {
  return line >= 0 && line <= lines && column >= 0 && (line == 0 || column >= 1);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace manifold::manifest;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  // A smaller node bound than the default keeps each run fast while still reaching it.
  const auto doc = Document::parse(text, DocumentLimits{100'000});
  const int lines = static_cast<int>(std::count(text.begin(), text.end(), '\n')) + 1;
  for (const auto& d : doc.diagnostics()) {
    if (d.message.empty() || !inside(d.line, d.column, lines)) __builtin_trap();
  }
  if (!doc.loaded()) {
    // Only a fatal error leaves no tree, and it says so.
    if (!hasErrors(doc.diagnostics())) __builtin_trap();
    return 0;
  }
  // Walk the tree without recursion (it may be deep) and locate every node.
  std::vector<std::pair<const Json*, std::string>> pending{{&doc.root(), std::string()}};
  while (!pending.empty()) {
    auto [node, pointer] = std::move(pending.back());
    pending.pop_back();
    const SourcePosition where = doc.locate(pointer);
    if (!where.known() || !inside(where.line, where.column, lines)) __builtin_trap();
    if (node->is_object()) {
      for (auto it = node->begin(); it != node->end(); ++it) pending.emplace_back(&*it, childPointer(pointer, it.key()));
    } else if (node->is_array()) {
      for (std::size_t i = 0; i < node->size(); ++i) pending.emplace_back(&(*node)[i], childPointer(pointer, i));
    }
  }
  return 0;
}
