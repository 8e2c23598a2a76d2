// KeysToLower: `record[key.lower()] = record.pop(key)` for each key; nested objects keep theirs.
// Letters are lowered with the C.UTF-8 locale's simple case mapping (Python's str.lower()).
#include "core/engine/transform/keys_to_lower.h"

#include "core/engine/transform/unicode_text.h"

#include <vector>

namespace manifold::engine {

void KeysToLower::transform(nlohmann::json& record, const nlohmann::json&) const {
  if (!record.is_object()) return;
  std::vector<std::string> keys;
  keys.reserve(record.size());
  for (auto it = record.begin(); it != record.end(); ++it) keys.push_back(it.key());
  for (const auto& key : keys) {
    auto it = record.find(key);
    if (it == record.end()) continue;
    nlohmann::json value = std::move(*it);
    record.erase(it);
    record[toLowerUtf8(key)] = std::move(value);
  }
}

}  // namespace manifold::engine
