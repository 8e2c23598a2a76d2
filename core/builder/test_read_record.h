// TestReadRecord: the last test read of each stream, kept in .manifold/last_test_read.json so a
// contribution can tell whether every stream passed a read since its definition last changed.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace manifold::builder {

// {"finishedAt": "...", "streams": [{"name": "users", "records": 12, "passed": true,
//   "testedAt": "...", "fingerprint": "9f0c...", "hosts": ["api.example.com"]}]}; older files
// without testedAt/fingerprint/hosts load too.
struct TestReadRecord {
  struct Stream {
    std::string name;
    long long records = 0;
    bool passed = false;
    std::string testedAt;     // ISO 8601 UTC; empty in older files
    std::string fingerprint;  // streamFingerprint() of the definition read; empty: unknown
    std::vector<std::string> hosts;  // the hosts its requests went to (lower-case, sorted)
  };
  std::string finishedAt;  // the newest testedAt
  std::vector<Stream> streams;

  const Stream* find(std::string_view name) const;
  // Every host the recorded reads contacted, sorted; with `streams` given, only theirs.
  std::vector<std::string> hosts(const std::vector<std::string>* streams = nullptr) const;
};

// The hosts the requests of a StreamRead went to: each page's request and each auxiliary
// request (token refreshes, logins, parent streams), lower-case, sorted, distinct.
std::vector<std::string> hostsInStreamRead(const nlohmann::json& streamRead);

// A short stable hash of a stream's resolved definition ($refs and $parameters applied), so an
// edit anywhere that reaches the stream changes it. Empty when the manifest has no such stream.
std::string streamFingerprint(const nlohmann::ordered_json& resolvedManifest, std::string_view stream);
// Every stream of the resolved manifest by name, with its fingerprint.
std::map<std::string, std::string> streamFingerprints(const nlohmann::ordered_json& resolvedManifest);

nlohmann::json toJson(const TestReadRecord& record);
TestReadRecord testReadRecordFromJson(const nlohmann::json& json);

// The record of a connector folder, nullopt when it has none (or it is not JSON).
std::optional<TestReadRecord> readTestReadRecord(const std::filesystem::path& connectorDir);

// Puts `stream`'s outcome into the folder's record (replacing that stream's earlier entry) and
// writes it atomically. Returns an empty string, or why the file could not be written.
std::string recordStreamTestRead(const std::filesystem::path& connectorDir, TestReadRecord::Stream stream);

}  // namespace manifold::builder
