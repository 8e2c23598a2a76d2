// Go to definition: where a "#/…" reference under the caret points in the manifest's text.
#include "core/manifest/reference_target.h"

#include "core/manifest/document.h"
#include "core/manifest/reference_lookup.h"

#include <algorithm>

namespace manifold::manifest {

namespace {

std::string_view lineOf(std::string_view text, int line) {
  std::size_t start = 0;
  for (int i = 0; i < line; ++i) {
    const std::size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) return {};
    start = nl + 1;
  }
  std::string_view l = text.substr(start, text.find('\n', start) - start);
  if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
  return l;
}

}  // namespace

std::optional<std::string> referenceAt(std::string_view line, int column) {
  const auto col = static_cast<std::size_t>(std::max(column, 0));
  std::optional<std::string> first;
  for (std::size_t at = line.find("#/"); at != std::string_view::npos; at = line.find("#/", at + 2)) {
    if (at == 0 || (line[at - 1] != '"' && line[at - 1] != '\'')) continue;
    const char quote = line[at - 1];
    const std::size_t close = line.find(quote, at);
    const std::size_t end = close == std::string_view::npos ? line.size() : close;
    std::string reference(line.substr(at, end - at));
    if (col + 1 >= at && col <= end + 1) return reference;  // on the string or its quotes
    if (!first) first = std::move(reference);
  }
  // On the key of a `$ref: "#/…"` line.
  const std::size_t key = line.find_first_not_of(" -");
  if (first && key != std::string_view::npos && line.substr(key, 5) == "$ref:" && col >= key && col <= key + 4) {
    return first;
  }
  return std::nullopt;
}

std::optional<ReferenceTarget> referenceTargetAt(std::string_view text, int line, int column) {
  std::optional<std::string> reference = referenceAt(lineOf(text, line), column);
  if (!reference) return std::nullopt;
  ReferenceTarget target;
  target.reference = std::move(*reference);
  const Document document = Document::parse(text);
  if (!document.loaded()) {
    target.error = "The manifest does not parse, so " + target.reference + " cannot be followed";
    return target;
  }
  const std::string_view path = std::string_view(target.reference).substr(2);
  if (lookupReference(document.root(), path, &target.pointer) == nullptr) {
    target.error = target.reference + " points to nothing in this manifest";
    if (!target.pointer.empty()) target.error += " (" + target.pointer + " exists, what follows does not)";
    return target;
  }
  target.position = document.locate(target.pointer);
  if (!target.position.known()) target.error = "Cannot tell where " + target.reference + " is written";
  return target;
}

}  // namespace manifold::manifest
