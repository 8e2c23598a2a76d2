// Reference expansion (mirrors manifest_reference_resolver.py) and origin tracking.
#include "core/manifest/resolver.h"

#include "core/manifest/json_pointer.h"
#include "core/manifest/parameter_propagation.h"
#include "core/manifest/reference_lookup.h"
#include "core/manifest/suggestion.h"

#include <algorithm>
#include <unordered_map>
#include <vector>

namespace manifold::manifest {
namespace {

constexpr std::string_view kRef = "$ref";
constexpr std::string_view kParameters = "$parameters";

// Fields whose values are connector configuration, not components: the reference copies
// them verbatim so a config value shaped like "#/x" is not taken for a reference.
bool holdsConfigValues(std::string_view key) { return key == "config_overrides"; }

std::size_t countNodes(const Json& value) {
  std::size_t n = 1;
  if (value.is_structured()) {
    for (const auto& child : value) n += countNodes(child);
  }
  return n;
}

struct ExpansionTooLarge {};

class ReferenceExpander {
 public:
  ReferenceExpander(const Document& document, const Json& root, const ResolverLimits& limits,
                    Diagnostics& diagnostics)
      : document_(document), root_(root), limits_(limits), diagnostics_(diagnostics) {}

  Json evaluate(const Json& node) {
    if (node.is_object()) {
      Json out = Json::object();
      for (const auto& [key, value] : node.items()) {
        if (key == kRef) continue;
        const std::size_t mark = path_.size();
        appendPointerToken(path_, key);
        out[key] = holdsConfigValues(key) ? value : evaluate(value);
        path_.resize(mark);
      }
      auto ref = node.find(std::string(kRef));
      if (ref == node.end()) return out;
      const std::size_t mark = path_.size();
      appendPointerToken(path_, kRef);
      Json target = evaluate(*ref);
      path_.resize(mark);
      // Siblings win over the referenced keys, one level deep; a non-mapping target
      // replaces the whole node and the siblings are dropped.
      if (!target.is_object()) return target;
      for (auto& [key, value] : out.items()) target[key] = std::move(value);
      return target;
    }
    if (node.is_array()) {
      Json out = Json::array();
      for (std::size_t i = 0; i < node.size(); ++i) {
        const std::size_t mark = path_.size();
        path_ += '/';
        path_ += std::to_string(i);
        out.push_back(evaluate(node[i]));
        path_.resize(mark);
      }
      return out;
    }
    if (isReferenceString(node)) return evaluateReference(node.get_ref<const std::string&>());
    return node;
  }

 private:
  struct Memo {
    Json value;
    std::size_t nodes = 0;
  };

  Json evaluateReference(const std::string& reference) {
    if (auto it = memo_.find(reference); it != memo_.end()) {
      produced_ += it->second.nodes;
      if (produced_ > limits_.maxNodes) {
        report("references expand to more than " + std::to_string(limits_.maxNodes) +
               " values; the manifest is too large once expanded (do definitions reference each other in a loop of copies?)");
        throw ExpansionTooLarge{};
      }
      return it->second.value;
    }
    if (std::find(chain_.begin(), chain_.end(), reference) != chain_.end()) {
      std::string cycle;
      auto start = std::find(chain_.begin(), chain_.end(), reference);
      for (auto it = start; it != chain_.end(); ++it) cycle += *it + " -> ";
      cycle += reference;
      report("circular reference: " + cycle);
      return Json();
    }
    std::string targetPointer;
    const Json* target = lookupReference(root_, std::string_view(reference).substr(2), &targetPointer);
    if (!target) {
      std::string message = "reference '" + reference + "' points to nothing";
      std::string suggestion;
      if (const Json* deepest = lookupPointer(targetPointer); deepest && deepest->is_object()) {
        // The segment that failed: reference paths split on '/', one per matched level.
        const auto matched = splitPointer(targetPointer).size();
        std::vector<std::string_view> segments;
        std::string_view rest = std::string_view(reference).substr(2);
        while (true) {
          const auto slash = rest.find('/');
          segments.push_back(rest.substr(0, slash));
          if (slash == std::string_view::npos) break;
          rest.remove_prefix(slash + 1);
        }
        const std::string missing = matched < segments.size() ? std::string(segments[matched]) : std::string();
        message += targetPointer.empty() ? " (the top level has no key '" + missing + "')"
                                         : " ('#" + targetPointer + "' has no key '" + missing + "')";
        std::vector<std::string_view> keys;
        for (const auto& [key, value] : deepest->items()) keys.push_back(key);
        if (auto best = closestMatch(missing, keys)) {
          suggestion = "#" + targetPointer + "/" + *best;
          message += "; did you mean '" + suggestion + "'?";
        }
      }
      report(message, suggestion);
      return Json();
    }
    chain_.push_back(reference);
    std::string savedPath = std::move(path_);
    path_ = targetPointer;
    Json value = evaluate(*target);
    path_ = std::move(savedPath);
    chain_.pop_back();
    const std::size_t nodes = countNodes(value);
    produced_ += nodes;
    memo_.emplace(reference, Memo{value, nodes});
    return value;
  }

  const Json* lookupPointer(const std::string& pointer) const {
    const Json* node = &root_;
    for (const auto& token : splitPointer(pointer)) {
      if (node->is_object()) {
        auto it = node->find(token);
        if (it == node->end()) return nullptr;
        node = &*it;
      } else if (node->is_array()) {
        const std::size_t index = static_cast<std::size_t>(std::stoul(token));
        if (index >= node->size()) return nullptr;
        node = &(*node)[index];
      } else {
        return nullptr;
      }
    }
    return node;
  }

  void report(const std::string& message, const std::string& suggestion = {}) {
    const SourcePosition where = document_.locate(path_);
    diagnostics_.push_back(Diagnostic{Severity::Error, message, where.line, where.column, path_, suggestion});
  }

  const Document& document_;
  const Json& root_;
  const ResolverLimits& limits_;
  Diagnostics& diagnostics_;
  std::string path_;  // document pointer of the node being evaluated, for messages
  std::vector<std::string> chain_;
  std::unordered_map<std::string, Memo> memo_;
  std::size_t produced_ = 0;
};

// Walks from a node through "#/…" strings and non-mapping `$ref` targets to the node whose
// content the resolved manifest shows at the same place. `hops` is shared by the nested calls
// that follow a mapping's `$ref`, so a reference cycle (which the expander reports) ends here
// too instead of recursing until the stack overflows.
const Json* settle(const Json& root, const Json* node, std::string& pointer, int& hops) {
  for (; hops > 0; --hops) {
    if (isReferenceString(*node)) {
      std::string target;
      const Json* next = lookupReference(root, std::string_view(node->get_ref<const std::string&>()).substr(2), &target);
      if (!next) return node;
      node = next;
      pointer = std::move(target);
      continue;
    }
    if (node->is_object()) {
      auto ref = node->find(std::string(kRef));
      if (ref == node->end()) return node;
      std::string targetPointer = childPointer(pointer, kRef);
      --hops;
      const Json* target = settle(root, &*ref, targetPointer, hops);
      if (target->is_object() || target == &*ref) return node;
      node = target;
      pointer = std::move(targetPointer);
      continue;
    }
    return node;
  }
  return node;
}

const Json* settle(const Json& root, const Json* node, std::string& pointer) {
  int hops = 256;
  return settle(root, node, pointer, hops);
}

}  // namespace

Resolver::Resolver(const Document& document, ResolverLimits limits) : document_(document), limits_(limits) {}

ResolvedManifest Resolver::resolve() const {
  ResolvedManifest result;
  if (!document_.loaded()) return result;
  const Json& source = document_.root();
  // The reference adds the root type before expanding; adding it afterwards avoids copying
  // the whole document first (only a "#/type" reference could tell the difference).
  ReferenceExpander expander(document_, source, limits_, result.diagnostics);
  try {
    result.root = expander.evaluate(source);
  } catch (const ExpansionTooLarge&) {
    result.root = Json();
    return result;
  }
  if (result.root.is_object() && !result.root.contains("type")) result.root["type"] = "DeclarativeSource";
  propagateTypesAndParameters(result.root);
  return result;
}

std::string Resolver::originOf(std::string_view resolvedPointer, bool* found) const {
  if (found) *found = true;
  const Json& root = document_.root();
  if (!root.is_object()) {
    if (found) *found = false;
    return std::string();
  }
  const Json* node = &root;
  std::string pointer;
  // Mappings passed on the way down, innermost last: their `$parameters` may have filled
  // a field that is not written in the component itself.
  std::vector<std::pair<const Json*, std::string>> scopes;

  for (const std::string& token : splitPointer(resolvedPointer)) {
    node = settle(root, node, pointer);
    const Json* next = nullptr;
    std::string nextPointer;
    if (node->is_object()) {
      // Own keys first (siblings override), then down the `$ref` chain.
      const Json* current = node;
      std::string currentPointer = pointer;
      for (int hops = 0; hops < 64 && current && current->is_object(); ++hops) {
        scopes.emplace_back(current, currentPointer);
        if (token != kRef) {
          auto it = current->find(token);
          if (it != current->end()) {
            next = &*it;
            nextPointer = childPointer(currentPointer, token);
            break;
          }
        }
        auto ref = current->find(std::string(kRef));
        if (ref == current->end()) break;
        std::string refPointer = childPointer(currentPointer, kRef);
        const Json* target = settle(root, &*ref, refPointer);
        if (target == &*ref) break;
        current = target;
        currentPointer = std::move(refPointer);
      }
    } else if (node->is_array()) {
      std::size_t index = 0;
      bool numeric = !token.empty() && std::all_of(token.begin(), token.end(), [](char c) { return c >= '0' && c <= '9'; });
      if (numeric) index = static_cast<std::size_t>(std::stoull(token));
      if (numeric && index < node->size()) {
        next = &(*node)[index];
        nextPointer = childPointer(pointer, index);
      }
    }
    if (!next) {
      for (auto scope = scopes.rbegin(); scope != scopes.rend(); ++scope) {
        auto params = scope->first->find(std::string(kParameters));
        if (params == scope->first->end() || !params->is_object()) continue;
        auto it = params->find(token);
        if (it == params->end()) continue;
        next = &*it;
        nextPointer = childPointer(childPointer(scope->second, kParameters), token);
        break;
      }
    }
    if (!next) {
      if (found) *found = false;
      return pointer;
    }
    node = next;
    pointer = std::move(nextPointer);
  }
  // A value written as "#/…" is shown by its target, which is where its text is.
  settle(root, node, pointer);
  return pointer;
}

SourcePosition Resolver::locate(std::string_view resolvedPointer) const {
  return document_.locate(originOf(resolvedPointer));
}

}  // namespace manifold::manifest
