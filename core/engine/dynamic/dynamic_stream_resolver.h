// DynamicStreamResolver: the streams a DynamicDeclarativeStream generates — its stream_template
// filled in by components_mapping once per entry its components resolver lists (records an
// HttpComponentsResolver reads, or config entries a ConfigComponentsResolver points at).
#pragma once

#include "core/engine/component_node.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace manifold::engine {

class ComponentFactory;
class ReadContext;

struct ResolvedDynamicStream {
  ManifestJson json;    // a DeclarativeStream, types and $parameters propagated again
  std::string pointer;  // the definition's stream_template, for build errors
};

struct DynamicStreamsResult {
  std::vector<ResolvedDynamicStream> streams;
  // HttpComponentsResolver definitions left out because no read was allowed (`read` null).
  std::size_t unresolvedDefinitions = 0;
};

// Resolves every definition of `dynamicStreams` (the manifest's dynamic_streams list) in order.
// With `read` null, definitions that need HTTP are skipped and counted. Throws BuildException
// naming the definition: an unknown resolver, a mapping that cannot be evaluated, a stream
// without a string name, two streams with one name (also against `takenNames`), or a resolver
// read that failed.
DynamicStreamsResult resolveDynamicStreams(const ComponentNode& dynamicStreams, const nlohmann::json& config,
                                           const ComponentFactory& factory, ReadContext* read,
                                           const std::vector<std::string>& takenNames);

// dpath.set: sets `value` at every existing location `path` matches (segments are keys, list
// indexes, `*` for one level or `**` for any number); returns how many it set.
std::size_t setAtPath(ManifestJson& node, const std::vector<std::string>& path, const ManifestJson& value);
// dpath.new: creates the path (objects for missing levels) and sets `value` there.
void createAtPath(ManifestJson& node, const std::vector<std::string>& path, const ManifestJson& value);

}  // namespace manifold::engine
