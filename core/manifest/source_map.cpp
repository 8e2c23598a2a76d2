// Source map lookups.
#include "core/manifest/source_map.h"

#include "core/manifest/json_pointer.h"

namespace manifold::manifest {

void SourceMap::add(std::string pointer, const SourceEntry& entry) {
  entries_.insert_or_assign(std::move(pointer), entry);
}

const SourceEntry* SourceMap::find(std::string_view pointer) const {
  auto it = entries_.find(pointer);
  return it == entries_.end() ? nullptr : &it->second;
}

SourcePosition SourceMap::locate(std::string_view pointer) const {
  while (true) {
    if (const SourceEntry* entry = find(pointer)) {
      return entry->hasKey() ? entry->keyBegin : entry->value;
    }
    if (pointer.empty()) return {};
    pointer = parentPointer(pointer);
  }
}

}  // namespace manifold::manifest
