// libFuzzer target: any input must parse or fail with a SyntaxError, and anything that parses
// must render or fail with an Error, within the limits (no crash, hang or unbounded memory).
#include "core/interpolation/literal.h"
#include "core/interpolation/syntax_check.h"
#include "core/interpolation/template.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace manifold::interpolation;
  const std::string_view source(reinterpret_cast<const char*>(data), size);
  (void)parsePythonLiteral(source);
  if (checkSyntax(source)) return 0;
  auto compiled = Template::compile(source);
  if (!compiled) return 0;
  static const nlohmann::json config = {{"a", 1}, {"s", "text"}, {"l", {1, 2, 3}}, {"d", {{"k", "v"}}}};
  Context context;
  context.borrow("config", config);
  RenderOptions options;
  options.limits.maxLoopIterations = 1000;
  options.limits.maxOutputBytes = 1 << 16;
  options.clock = [] { return std::int64_t{1630454400} * 1000000; };
  (void)compiled.value()->render(context, options);
  return 0;
}
