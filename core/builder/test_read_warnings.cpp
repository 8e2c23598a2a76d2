// What a user should fix before publishing, found in a test read's StreamRead: failed pages, no
// records, missing or duplicated primary keys, records that do not fit the declared schema.
#include "core/builder/test_read_warnings.h"

#include "core/builder/json_schema_types.h"

#include <optional>
#include <unordered_map>

namespace manifold::builder {

namespace {

using Json = nlohmann::json;

const Json& emptyArray() {
  static const Json kEmpty = Json::array();
  return kEmpty;
}

const Json& arrayAt(const Json& object, const char* key) {
  if (!object.is_object()) return emptyArray();
  auto it = object.find(key);
  return it != object.end() && it->is_array() ? *it : emptyArray();
}

std::string keyText(const std::vector<std::string>& path) {
  std::string text;
  for (const std::string& part : path) text += (text.empty() ? "" : ".") + part;
  return text;
}

std::string keysText(const std::vector<std::vector<std::string>>& keys) {
  std::string text;
  for (const auto& key : keys) text += (text.empty() ? "'" : ", '") + keyText(key) + "'";
  return text;
}

const Json* lookup(const Json& record, const std::vector<std::string>& path) {
  const Json* node = &record;
  for (const std::string& part : path) {
    if (!node->is_object()) return nullptr;
    auto it = node->find(part);
    if (it == node->end()) return nullptr;
    node = &*it;
  }
  return node->is_null() ? nullptr : node;
}

std::string more(std::size_t count, const char* noun) {
  if (count <= 1) return "";
  return " (" + std::to_string(count) + " " + noun + " in all)";
}

// The first place a value does not fit its schema node, as "'path' is a T where the schema says U".
std::optional<std::string> misfit(const Json& value, const Json& schema, const std::string& path) {
  if (!schema.is_object()) return std::nullopt;
  const std::string type = valueType(value);
  const std::set<std::string> accepted = schemaTypes(schema);
  if (!typeFits(type, accepted)) {
    return "'" + (path.empty() ? std::string("(record)") : path) + "' is " + type + " where the schema says " +
           typeText(accepted);
  }
  if (value.is_object()) {
    const Json* props = schema.contains("properties") ? &schema["properties"] : nullptr;
    const bool closed = schema.contains("additionalProperties") && schema["additionalProperties"] == false;
    for (auto it = value.begin(); it != value.end(); ++it) {
      const std::string child = path.empty() ? it.key() : path + "." + it.key();
      if (props != nullptr && props->is_object() && props->contains(it.key())) {
        if (auto problem = misfit(it.value(), (*props)[it.key()], child)) return problem;
      } else if (closed) {
        return "'" + child + "' is not in the schema, which allows no other fields";
      }
    }
  }
  if (value.is_array() && schema.contains("items")) {
    for (const Json& item : value) {
      if (auto problem = misfit(item, schema["items"], path + "[]")) return problem;
    }
  }
  return std::nullopt;
}

}  // namespace

StreamExpectations expectationsOf(const Json& stream) {
  StreamExpectations expected;
  if (!stream.is_object()) return expected;
  if (auto pk = stream.find("primary_key"); pk != stream.end()) {
    if (pk->is_string()) expected.primaryKey.push_back({pk->get<std::string>()});
    if (pk->is_array()) {
      for (const Json& key : *pk) {
        if (key.is_string()) expected.primaryKey.push_back({key.get<std::string>()});
        if (key.is_array()) {
          std::vector<std::string> path;
          for (const Json& part : key) {
            if (part.is_string()) path.push_back(part.get<std::string>());
          }
          if (!path.empty()) expected.primaryKey.push_back(std::move(path));
        }
      }
    }
  }
  if (auto loader = stream.find("schema_loader"); loader != stream.end() && loader->is_object()) {
    if (loader->value("type", "") == "InlineSchemaLoader" && loader->contains("schema")) {
      expected.declaredSchema = (*loader)["schema"];
    }
  }
  return expected;
}

std::vector<TestReadWarning> checkTestRead(const Json& streamRead, const StreamExpectations& expected) {
  std::vector<TestReadWarning> warnings;
  std::size_t records = 0;
  std::size_t failedPages = 0;
  TestReadWarning failed{TestReadWarning::Kind::FailedPage, "", -1, -1};
  std::size_t missingKey = 0;
  TestReadWarning missing{TestReadWarning::Kind::PrimaryKeyMissing, "", -1, -1};
  std::size_t duplicates = 0;
  TestReadWarning duplicated{TestReadWarning::Kind::PrimaryKeyDuplicated, "", -1, -1};
  std::size_t misfits = 0;
  TestReadWarning mismatch{TestReadWarning::Kind::SchemaMismatch, "", -1, -1};
  std::unordered_map<std::string, std::size_t> seenKeys;
  const bool checkSchema = expected.declaredSchema.is_object() && !expected.declaredSchema.empty();

  const Json& slices = arrayAt(streamRead, "slices");
  for (std::size_t s = 0; s < slices.size(); ++s) {
    const Json& pages = arrayAt(slices[s], "pages");
    for (std::size_t p = 0; p < pages.size(); ++p) {
      const Json& page = pages[p];
      const int sliceNo = static_cast<int>(s);
      const int pageNo = static_cast<int>(p);
      const Json response = page.is_object() ? page.value("response", Json()) : Json();
      const int status = response.is_object() ? response.value("status", 0) : 0;
      if (status < 200 || status >= 300) {
        if (failedPages++ == 0) {
          failed.slice = sliceNo;
          failed.page = pageNo;
          failed.message = status == 0 ? "Page " + std::to_string(p + 1) + " of slice " + std::to_string(s + 1) +
                                             " got no response"
                                       : "Page " + std::to_string(p + 1) + " of slice " + std::to_string(s + 1) +
                                             " returned HTTP " + std::to_string(status);
        }
      }
      const Json& pageRecords = arrayAt(page, "records");
      for (std::size_t r = 0; r < pageRecords.size(); ++r) {
        const Json& record = pageRecords[r];
        ++records;
        if (!expected.primaryKey.empty()) {
          Json key = Json::array();
          bool complete = true;
          for (const auto& path : expected.primaryKey) {
            const Json* value = lookup(record, path);
            if (value == nullptr) {
              complete = false;
              break;
            }
            key.push_back(*value);
          }
          if (!complete) {
            if (missingKey++ == 0) {
              missing.slice = sliceNo;
              missing.page = pageNo;
              missing.message = "Record " + std::to_string(records) + " has no primary key " +
                                keysText(expected.primaryKey);
            }
          } else {
            const std::string text = key.size() == 1 ? key[0].dump() : key.dump();
            if (seenKeys.emplace(text, records).second == false && duplicates++ == 0) {
              duplicated.slice = sliceNo;
              duplicated.page = pageNo;
              duplicated.message = "Record " + std::to_string(records) + " repeats the primary key " +
                                   keysText(expected.primaryKey) + " = " + text + " of record " +
                                   std::to_string(seenKeys[text]);
            }
          }
        }
        if (checkSchema) {
          if (auto problem = misfit(record, expected.declaredSchema, "")) {
            if (misfits++ == 0) {
              mismatch.slice = sliceNo;
              mismatch.page = pageNo;
              mismatch.message = "Record " + std::to_string(records) + " does not fit the declared schema: " + *problem;
            }
          }
        }
      }
    }
  }

  if (failedPages > 0) {
    failed.message += more(failedPages, "failed pages");
    warnings.push_back(failed);
  }
  if (records == 0) {
    warnings.push_back({TestReadWarning::Kind::NoRecords, "The read returned no records", -1, -1});
  }
  if (missingKey > 0) {
    missing.message += more(missingKey, "records without it");
    warnings.push_back(missing);
  }
  if (duplicates > 0) {
    duplicated.message += more(duplicates, "repeated keys");
    warnings.push_back(duplicated);
  }
  if (misfits > 0) {
    mismatch.message += more(misfits, "records that do not fit");
    warnings.push_back(mismatch);
  }
  return warnings;
}

}  // namespace manifold::builder
