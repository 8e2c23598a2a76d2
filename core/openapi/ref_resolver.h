// $ref resolution over an OpenAPI document and the files it references, with cycle detection.
#pragma once

#include "core/openapi/openapi_document.h"

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace manifold::openapi {

// A node of the main document (doc 0) or of a referenced file (doc 1..). References inside a
// referenced file are relative to that file.
struct Node {
  const Json* json = nullptr;
  std::size_t doc = 0;

  explicit operator bool() const { return json != nullptr; }
  const Json& operator*() const { return *json; }
  const Json* operator->() const { return json; }
};

class RefResolver {
 public:
  explicit RefResolver(const OpenApiDocument& document);
  ~RefResolver();
  RefResolver(const RefResolver&) = delete;
  RefResolver& operator=(const RefResolver&) = delete;

  Node root() const { return {&document_.root, 0}; }

  // The node itself when it is no {"$ref": ...}; else the target, following chains. An
  // unresolvable or circular reference gives an empty Node and records a problem (once per ref).
  Node deref(Node node);

  // The child `key` of an object node, dereferenced; empty when absent.
  Node child(Node node, std::string_view key);

  // The `$ref` text of a node (empty when it has none): schema names come from it.
  static std::string_view refOf(const Json& node);

  // Problems met so far: "#/components/schemas/Missing: no such target (referenced from ...)".
  const std::vector<std::string>& problems() const { return problems_; }

 private:
  struct Loaded;
  Node lookup(std::string_view ref, std::size_t fromDoc);
  std::size_t loadExternal(const std::string& file, std::size_t fromDoc, std::string& error);
  void problem(std::string text);

  const OpenApiDocument& document_;
  std::vector<std::unique_ptr<Loaded>> external_;  // doc i+1 is external_[i]
  std::unordered_map<std::string, Node> cache_;      // "<doc>|<ref>" -> target
  std::unordered_set<std::string> reported_;
  std::vector<std::string> problems_;
};

}  // namespace manifold::openapi
