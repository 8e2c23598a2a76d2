// A compiled template (parsed once, immutable, shareable between threads) and the cache
// that maps source strings to compiled templates.
#pragma once

#include "core/interpolation/ast.h"
#include "core/interpolation/context.h"
#include "core/interpolation/error.h"
#include "core/interpolation/runtime.h"

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace manifold::interpolation {

class Template {
 public:
  // Parses `source`; a syntax error carries the byte offset of the offending token.
  static Result<std::shared_ptr<const Template>> compile(std::string_view source);

  const std::string& source() const { return source_; }
  // Top-level names the template reads before (or without) assigning them; the context must
  // provide each one (or it is a global such as a macro), else evaluation fails.
  const std::vector<std::string>& requiredNames() const { return requiredNames_; }
  // The name of the first required variable missing from `context`, if any.
  const std::string* missingName(const Context& context) const;

  // Renders to text. Errors carry the offset in source().
  Result<std::string> render(const Context& context, const RenderOptions& options = {}) const;
  // Same, for the engine's own use: throws EvalException.
  std::string renderOrThrow(const Context& context, const RenderOptions& options) const;

 private:
  std::string source_;
  NodeList nodes_;
  std::vector<std::string> requiredNames_;
  bool plainText_ = false;
  std::string plainTextValue_;
};

using TemplatePtr = std::shared_ptr<const Template>;

// Thread-safe; when it reaches `capacity` entries it starts over (templates in use stay
// alive through their shared pointers).
class TemplateCache {
 public:
  explicit TemplateCache(std::size_t capacity = 4096) : capacity_(capacity) {}

  Result<TemplatePtr> get(std::string_view source);
  std::size_t size() const;

  // The process-wide cache the wrappers use.
  static TemplateCache& shared();

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  mutable std::mutex mutex_;
  std::size_t capacity_;
  std::unordered_map<std::string, TemplatePtr, Hash, std::equal_to<>> entries_;
};

}  // namespace manifold::interpolation
