// libFuzzer target: any bytes through Document::parse, the Resolver and the Validator must
// end in diagnostics, never a crash, a hang or unbounded memory.
#include "core/manifest/document.h"
#include "core/manifest/resolver.h"
#include "core/manifest/validator.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace manifold::manifest;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  // Smaller bounds than the defaults keep each run fast while still exercising the limits.
  const auto doc = Document::parse(text, DocumentLimits{100'000});
  if (!doc.loaded()) return 0;
  Resolver resolver(doc, ResolverLimits{100'000});
  const auto resolved = resolver.resolve();
  const auto diagnostics = Validator(resolver).validate(resolved.root);
  for (const auto& d : diagnostics) {
    // Every finding must map back into the document.
    if (d.line < 0 || d.column < 0) __builtin_trap();
  }
  return 0;
}
