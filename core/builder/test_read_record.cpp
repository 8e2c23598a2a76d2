#include "core/builder/test_read_record.h"

#include <cstdint>
#include <cstdio>

#include "core/http/url.h"
#include "core/workspace/file_io.h"

#include <algorithm>
#include <cctype>
#include <set>

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

std::vector<std::string> TestReadRecord::hosts(const std::vector<std::string>* names) const {
  std::set<std::string> out;
  for (const auto& stream : streams) {
    if (names != nullptr && std::find(names->begin(), names->end(), stream.name) == names->end()) continue;
    out.insert(stream.hosts.begin(), stream.hosts.end());
  }
  return {out.begin(), out.end()};
}

std::vector<std::string> hostsInStreamRead(const nlohmann::json& streamRead) {
  std::set<std::string> out;
  const auto addUrlOf = [&](const nlohmann::json& exchange) {
    if (!exchange.is_object() || !exchange.contains("request") || !exchange["request"].is_object()) return;
    const auto& request = exchange["request"];
    if (!request.contains("url") || !request["url"].is_string()) return;
    if (const auto parts = http::parseUrl(request["url"].get<std::string>()); parts && !parts->host.empty()) {
      std::string host = parts->host;
      std::transform(host.begin(), host.end(), host.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      out.insert(std::move(host));
    }
  };
  if (!streamRead.is_object()) return {};
  if (streamRead.contains("slices") && streamRead["slices"].is_array()) {
    for (const auto& slice : streamRead["slices"]) {
      if (!slice.is_object() || !slice.contains("pages") || !slice["pages"].is_array()) continue;
      for (const auto& page : slice["pages"]) addUrlOf(page);
    }
  }
  if (streamRead.contains("auxiliary_requests") && streamRead["auxiliary_requests"].is_array()) {
    for (const auto& request : streamRead["auxiliary_requests"]) addUrlOf(request);
  }
  return {out.begin(), out.end()};
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
                       {"fingerprint", s.fingerprint}, {"hosts", s.hosts}});
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
    if (s.contains("hosts") && s["hosts"].is_array()) {
      for (const auto& host : s["hosts"]) {
        if (host.is_string()) stream.hosts.push_back(host.get<std::string>());
      }
    }
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
