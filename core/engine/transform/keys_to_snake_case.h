// KeysToSnakeCase: every object key, nested objects included (not inside lists), transliterated
// to ASCII and re-joined from its tokens with "_" (REFERENCE-NOTES 10.4).
#pragma once

#include "core/engine/transform/transformation.h"

#include <string>
#include <string_view>

namespace manifold::engine {

class KeysToSnakeCase final : public RecordTransformation {
 public:
  void transform(nlohmann::json& record, const nlohmann::json& slice) const override;

  // "CreatedAt" → "created_at", "userID" → "user_id", "HTTPResponse" → "httpresponse",
  // "1st" → "_1_st".
  static std::string processKey(std::string_view key);
};

}  // namespace manifold::engine
