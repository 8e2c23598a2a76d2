// Resolves a Document into the manifest the engine sees: references expanded, default
// types filled in and `$parameters` propagated, while remembering where each node came from.
#pragma once

#include "core/manifest/document.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace manifold::manifest {

struct ResolverLimits {
  // Upper bound on JSON values produced by expanding references, so a small file whose
  // definitions reference each other many times over fails cleanly.
  std::size_t maxNodes = 1'000'000;
};

struct ResolvedManifest {
  Json root;                // null when the document did not load
  Diagnostics diagnostics;  // missing reference targets, cycles, expansion too large
};

class Resolver {
 public:
  // The document must outlive the resolver.
  explicit Resolver(const Document& document, ResolverLimits limits = {});

  // Steps of the reference engine, in its order: a missing root `type` becomes
  // DeclarativeSource; `$ref` objects and "#/…" strings are expanded; types and
  // `$parameters` are propagated.
  ResolvedManifest resolve() const;

  // The pointer into the document where the user wrote the node found at resolvedPointer
  // in the resolved manifest: through `$ref`s and "#/…" strings to the definition, to the
  // `$parameters` entry a field was filled from, or else to the nearest written ancestor.
  // found (when given) is set to false when the node is not written anywhere (a default
  // type) and the pointer returned is that of its nearest written ancestor.
  std::string originOf(std::string_view resolvedPointer, bool* found = nullptr) const;

  SourcePosition locate(std::string_view resolvedPointer) const;

 private:
  const Document& document_;
  ResolverLimits limits_;
};

}  // namespace manifold::manifest
