// The per-stream test read record: a fingerprint that follows every edit reaching a stream, and a
// file that keeps one entry per stream.
#include "core/builder/test_read_record.h"

#include <gtest/gtest.h>

#include "core/manifest/manifest_loader.h"
#include "tests/support/temp_dir.h"

namespace manifold::builder {
namespace {

constexpr const char* kManifest = R"(version: 6.7.0
type: DeclarativeSource
definitions:
  base:
    type: HttpRequester
    url_base: https://api.example.com
streams:
  - type: DeclarativeStream
    name: a
    retriever: {type: SimpleRetriever, requester: {$ref: "#/definitions/base", path: /a}}
  - type: DeclarativeStream
    name: b
    retriever: {type: SimpleRetriever, requester: {type: HttpRequester, url_base: https://other.example.com, path: /b}}
)";

std::string with(std::string text, const std::string& from, const std::string& to) {
  text.replace(text.find(from), from.size(), to);
  return text;
}

TEST(TestReadRecord, AFingerprintChangesWithTheStreamAndWhatItReferences) {
  const auto base = manifest::loadManifest(kManifest).resolved;
  const auto a = streamFingerprint(base, "a");
  const auto b = streamFingerprint(base, "b");
  ASSERT_EQ(a.size(), 16u);
  EXPECT_NE(a, b);
  EXPECT_EQ(streamFingerprint(base, "missing"), "");
  // Same text again, and a comment: nothing the engine sees changed.
  EXPECT_EQ(streamFingerprint(manifest::loadManifest(std::string(kManifest) + "# note\n").resolved, "a"), a);
  // An edit in the referenced definition reaches a, not b.
  const auto edited = manifest::loadManifest(with(kManifest, "https://api.example.com", "https://api.example.com/v2")).resolved;
  EXPECT_NE(streamFingerprint(edited, "a"), a);
  EXPECT_EQ(streamFingerprint(edited, "b"), b);
  EXPECT_EQ(streamFingerprints(edited).size(), 2u);
}

TEST(TestReadRecord, KeepsOneEntryPerStreamAndTheNewestTime) {
  testing::TempDir dir("manifold-record");
  EXPECT_FALSE(readTestReadRecord(dir.path()));
  ASSERT_EQ(recordStreamTestRead(dir.path(), {"a", 3, true, "2026-12-01T10:00:00Z", "f1", {}}), "");
  ASSERT_EQ(recordStreamTestRead(dir.path(), {"b", 0, false, "2026-12-01T11:00:00Z", "f2", {}}), "");
  ASSERT_EQ(recordStreamTestRead(dir.path(), {"a", 7, true, "2026-12-01T12:00:00Z", "f3", {}}), "");
  const auto record = readTestReadRecord(dir.path());
  ASSERT_TRUE(record);
  EXPECT_EQ(record->finishedAt, "2026-12-01T12:00:00Z");
  ASSERT_EQ(record->streams.size(), 2u);
  ASSERT_NE(record->find("a"), nullptr);
  EXPECT_EQ(record->find("a")->records, 7);
  EXPECT_EQ(record->find("a")->fingerprint, "f3");
  EXPECT_FALSE(record->find("b")->passed);
}

TEST(TestReadRecord, ReadsTheOlderFormatWithoutFingerprints) {
  testing::TempDir dir("manifold-record");
  dir.write(".manifold/last_test_read.json",
            R"({"finishedAt": "2026-11-25T10:00:00Z", "streams": [{"name": "users", "records": 12, "passed": true}, 5]})");
  const auto record = readTestReadRecord(dir.path());
  ASSERT_TRUE(record);
  ASSERT_EQ(record->streams.size(), 1u);
  EXPECT_EQ(record->streams[0].records, 12);
  EXPECT_TRUE(record->streams[0].fingerprint.empty());
  dir.write(".manifold/last_test_read.json", "not json");
  EXPECT_FALSE(readTestReadRecord(dir.path()));
}


TEST(TestReadRecord, KeepsTheHostsEachStreamsRequestsWentTo) {
  const auto streamRead = nlohmann::json::parse(R"({
    "slices": [{"pages": [{"request": {"url": "https://API.example.com/a?page=1"}},
                          {"request": {"url": "https://api.example.com/a?page=2"}},
                          {"request": {"url": "not a url"}}]}],
    "auxiliary_requests": [{"request": {"url": "https://auth.example.com/token"}}]})");
  EXPECT_EQ(hostsInStreamRead(streamRead), (std::vector<std::string>{"api.example.com", "auth.example.com"}));
  EXPECT_TRUE(hostsInStreamRead(nlohmann::json()).empty());

  testing::TempDir dir("manifold-record");
  ASSERT_EQ(recordStreamTestRead(dir.path(), {"a", 3, true, "2026-12-07T10:00:00Z", "f1", hostsInStreamRead(streamRead)}), "");
  ASSERT_EQ(recordStreamTestRead(dir.path(), {"b", 1, true, "2026-12-07T10:01:00Z", "f2", {"cdn.example.org"}}), "");
  const auto record = readTestReadRecord(dir.path());
  ASSERT_TRUE(record);
  EXPECT_EQ(record->find("a")->hosts, (std::vector<std::string>{"api.example.com", "auth.example.com"}));
  EXPECT_EQ(record->hosts(), (std::vector<std::string>{"api.example.com", "auth.example.com", "cdn.example.org"}));
  const std::vector<std::string> onlyB{"b"};
  EXPECT_EQ(record->hosts(&onlyB), std::vector<std::string>{"cdn.example.org"});
}

}  // namespace
}  // namespace manifold::builder
