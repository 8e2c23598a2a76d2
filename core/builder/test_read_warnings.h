// What a user should fix before publishing, found in a test read's StreamRead: failed pages, no
// records, missing or duplicated primary keys, records that do not fit the declared schema.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace manifold::builder {

// What the manifest declares about a stream's records.
struct StreamExpectations {
  std::vector<std::vector<std::string>> primaryKey;  // each key a path of field names
  nlohmann::json declaredSchema;                     // the inline schema; null when none is declared
};

// Reads `primary_key` ("id", ["id", "date"] or [["user", "id"]]) and an InlineSchemaLoader's
// schema from a resolved stream definition.
StreamExpectations expectationsOf(const nlohmann::json& resolvedStream);

struct TestReadWarning {
  enum class Kind { FailedPage, NoRecords, PrimaryKeyMissing, PrimaryKeyDuplicated, SchemaMismatch };
  Kind kind = Kind::NoRecords;
  std::string message;
  int slice = -1;  // the first page concerned, when there is one (0-based)
  int page = -1;
};

// One warning per kind, each naming a first example and how many more there are.
std::vector<TestReadWarning> checkTestRead(const nlohmann::json& streamRead, const StreamExpectations& expected);

}  // namespace manifold::builder
