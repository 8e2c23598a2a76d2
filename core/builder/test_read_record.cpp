#include "core/builder/test_read_record.h"

#include <cstdint>
#include <cstdio>

#include "core/workspace/file_io.h"

namespace manifold::builder {

namespace {

constexpr const char* kRecordFile = "last_test_read.json";

std::filesystem::path recordPath(const std::filesystem::path& connectorDir) {
  return connectorDir / ".manifold" / kRecordFile;
}

std::string fnv1a(std::string_view text) {
  std::uint64_t hash = 14695981039346656037ull;
  for (const unsigned char c : text) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(hash));
  return buffer;
}

}  // namespace

const TestReadRecord::Stream* TestReadRecord::find(std::string_view name) const {
  for (const auto& stream : streams) {
    if (stream.name == name) return &stream;
  }
  return nullptr;
}

std::map<std::string, std::string> streamFingerprints(const nlohmann::ordered_json& resolvedManifest) {
  std::map<std::string, std::string> out;
  if (!resolvedManifest.is_object() || !resolvedManifest.contains("streams")) return out;
  const auto& streams = resolvedManifest["streams"];
  if (!streams.is_array()) return out;
  for (const auto& stream : streams) {
    if (!stream.is_object() || !stream.contains("name") || !stream["name"].is_string()) continue;
    out[stream["name"].get<std::string>()] = fnv1a(stream.dump());
  }
  return out;
}

std::string streamFingerprint(const nlohmann::ordered_json& resolvedManifest, std::string_view stream) {
  const auto all = streamFingerprints(resolvedManifest);
  const auto it = all.find(std::string(stream));
  return it == all.end() ? std::string() : it->second;
}

nlohmann::json toJson(const TestReadRecord& record) {
  nlohmann::json streams = nlohmann::json::array();
  for (const auto& s : record.streams) {
    streams.push_back({{"name", s.name}, {"records", s.records}, {"passed", s.passed}, {"testedAt", s.testedAt},
                       {"fingerprint", s.fingerprint}});
  }
  return {{"finishedAt", record.finishedAt}, {"streams", streams}};
}

TestReadRecord testReadRecordFromJson(const nlohmann::json& json) {
  TestReadRecord record;
  if (!json.is_object()) return record;
  const auto text = [](const nlohmann::json& object, const char* key) {
    return object.contains(key) && object[key].is_string() ? object[key].get<std::string>() : std::string();
  };
  record.finishedAt = text(json, "finishedAt");
  if (!json.contains("streams") || !json["streams"].is_array()) return record;
  for (const auto& s : json["streams"]) {
    if (!s.is_object()) continue;
    TestReadRecord::Stream stream;
    stream.name = text(s, "name");
    if (s.contains("records") && s["records"].is_number_integer()) stream.records = s["records"].get<long long>();
    stream.passed = s.contains("passed") && s["passed"].is_boolean() && s["passed"].get<bool>();
    stream.testedAt = text(s, "testedAt");
    stream.fingerprint = text(s, "fingerprint");
    if (!stream.name.empty()) record.streams.push_back(std::move(stream));
  }
  return record;
}

std::optional<TestReadRecord> readTestReadRecord(const std::filesystem::path& connectorDir) {
  const auto text = workspace::readTextFile(recordPath(connectorDir));
  if (!text) return std::nullopt;
  const auto json = nlohmann::json::parse(*text, nullptr, false);
  if (!json.is_object()) return std::nullopt;
  return testReadRecordFromJson(json);
}

std::string recordStreamTestRead(const std::filesystem::path& connectorDir, TestReadRecord::Stream stream) {
  TestReadRecord record = readTestReadRecord(connectorDir).value_or(TestReadRecord{});
  std::erase_if(record.streams, [&](const TestReadRecord::Stream& s) { return s.name == stream.name; });
  if (stream.testedAt > record.finishedAt) record.finishedAt = stream.testedAt;
  record.streams.push_back(std::move(stream));
  const auto written = workspace::writeFileAtomically(recordPath(connectorDir), toJson(record).dump(2) + "\n");
  return written ? std::string() : written.error().message;
}

}  // namespace manifold::builder
