#include "core/airbyte/publish_checks.h"

#include <yaml-cpp/yaml.h>

#include <cstring>
#include <ctime>
#include <map>
#include <system_error>

#include "core/manifest/manifest_loader.h"
#include "core/workspace/file_io.h"

namespace manifold::airbyte {

namespace {

namespace fs = std::filesystem;
using manifest::Json;

AirbyteError refused(std::string message) { return makeError(AirbyteErrorKind::Refused, std::move(message)); }

std::string escapePointerToken(const std::string& key) {
  std::string out;
  for (const char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

// Every object carrying class_name in the manifest as written, as JSON pointers.
void findCustomComponents(const Json& node, const std::string& pointer, std::vector<std::string>& found) {
  if (node.is_object()) {
    if (node.contains("class_name")) found.push_back(pointer);
    for (const auto& [key, value] : node.items()) findCustomComponents(value, pointer + "/" + escapePointerToken(key), found);
  } else if (node.is_array()) {
    for (std::size_t i = 0; i < node.size(); ++i) findCustomComponents(node[i], pointer + "/" + std::to_string(i), found);
  }
}

std::string where(const manifest::Document& document, const std::string& pointer) {
  const auto position = document.locate(pointer);
  return position.known() ? "manifest.yaml:" + std::to_string(position.line) : "manifest.yaml (" + pointer + ")";
}

std::string defaultName(const fs::path& dir) {
  if (const auto metadata = workspace::readTextFile(dir / "metadata.yaml")) {
    try {
      const YAML::Node root = YAML::Load(*metadata);
      if (root["data"] && root["data"]["name"] && root["data"]["name"].IsScalar()) {
        const std::string name = root["data"]["name"].as<std::string>();
        if (!name.empty()) return name;
      }
    } catch (const YAML::Exception&) {
      // A broken metadata.yaml only costs the default name.
    }
  }
  const fs::path absolute = fs::absolute(dir).lexically_normal();
  std::string name = absolute.filename().string();
  if (name.empty()) name = absolute.parent_path().filename().string();
  return name;
}

void addTestReadWarnings(const fs::path& dir, const std::vector<std::string>& streams,
                         std::vector<std::string>& warnings) {
  const auto text = workspace::readTextFile(dir / ".manifold" / "last_test_read.json");
  const nlohmann::json summary = text ? nlohmann::json::parse(*text, nullptr, false) : nlohmann::json();
  if (!summary.is_object()) {
    if (!streams.empty()) warnings.push_back("no test read is recorded: no stream has been read since it was written");
    return;
  }
  // A read older than the manifest's last change tells nothing about what is published now.
  std::error_code ec;
  const auto changed = fs::last_write_time(dir / "manifest.yaml", ec);
  const auto finished = parseUtcTimestamp(summary.value("finishedAt", std::string()));
  bool stale = false;
  if (!ec && finished) {
    const auto changedAt = std::chrono::file_clock::to_sys(changed);
    stale = *finished < std::chrono::time_point_cast<std::chrono::system_clock::duration>(changedAt);
  }
  std::map<std::string, bool> passed;
  if (summary.contains("streams") && summary["streams"].is_array()) {
    for (const auto& s : summary["streams"]) {
      if (s.is_object() && s.contains("name") && s["name"].is_string()) {
        passed[s["name"].get<std::string>()] = s.value("passed", false);
      }
    }
  }
  for (const auto& stream : streams) {
    const auto it = passed.find(stream);
    if (it == passed.end()) {
      warnings.push_back("stream '" + stream + "' has no test read recorded");
    } else if (!it->second) {
      warnings.push_back("the last test read of stream '" + stream + "' failed");
    } else if (stale) {
      warnings.push_back("stream '" + stream + "' has not been test-read since manifest.yaml last changed");
    }
  }
}

}  // namespace

std::optional<std::chrono::system_clock::time_point> parseUtcTimestamp(const std::string& text) {
  std::tm tm{};
  const char* rest = strptime(text.c_str(), "%Y-%m-%dT%H:%M:%S", &tm);
  if (rest == nullptr) return std::nullopt;
  const std::time_t seconds = timegm(&tm);
  if (seconds == static_cast<std::time_t>(-1)) return std::nullopt;
  auto point = std::chrono::system_clock::from_time_t(seconds);
  if (*rest == '.') {
    ++rest;
    while (*rest >= '0' && *rest <= '9') ++rest;
  }
  if ((*rest == '+' || *rest == '-') && std::strlen(rest) >= 6) {
    const int sign = *rest == '+' ? 1 : -1;
    const int hours = (rest[1] - '0') * 10 + (rest[2] - '0');
    const int minutes = (rest[4] - '0') * 10 + (rest[5] - '0');
    point -= sign * (std::chrono::hours(hours) + std::chrono::minutes(minutes));
  }
  return point;
}

std::string utcTimestampNow() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

Result<PublishPreparation> preparePublish(const fs::path& connectorDir) {
  const auto text = workspace::readTextFile(connectorDir / "manifest.yaml");
  if (!text) return refused("cannot publish '" + connectorDir.string() + "': it has no readable manifest.yaml");
  PublishPreparation preparation;
  preparation.manifestText = *text;
  const auto loaded = manifest::loadManifest(*text);
  const auto& document = loaded.document;
  if (!document.loaded()) {
    std::string reason = "it is not a YAML mapping";
    for (const auto& d : loaded.diagnostics) {
      if (d.severity == manifest::Severity::Error) {
        reason = "line " + std::to_string(d.line) + ": " + d.message;
        break;
      }
    }
    return refused("cannot publish: manifest.yaml does not load (" + reason + ")");
  }

  std::vector<std::string> custom;
  findCustomComponents(document.root(), "", custom);
  if (!custom.empty()) {
    std::string list;
    for (std::size_t i = 0; i < custom.size() && i < 5; ++i) {
      const auto& component = document.root().at(nlohmann::ordered_json::json_pointer(custom[i]));
      const std::string className = component["class_name"].is_string() ? component["class_name"].get<std::string>() : "?";
      list += (list.empty() ? "" : ", ") + className + " at " + where(document, custom[i]);
    }
    if (custom.size() > 5) list += " and " + std::to_string(custom.size() - 5) + " more";
    return refused("cannot publish: the manifest uses custom Python components (class_name), which Airbyte's "
                   "declarative source definitions cannot run: " + list +
                   "; replace them with declarative components first");
  }

  std::size_t errors = 0;
  std::string first;
  for (const auto& d : loaded.diagnostics) {
    if (d.severity == manifest::Severity::Error) {
      if (errors < 3) first += (first.empty() ? "" : "; ") + ("line " + std::to_string(d.line) + ": " + d.message);
      ++errors;
    } else {
      preparation.warnings.push_back("manifest.yaml line " + std::to_string(d.line) + ": " + d.message);
    }
  }
  if (errors > 0) {
    return refused("cannot publish: manifest.yaml has " + std::to_string(errors) +
                   (errors == 1 ? " validation error (" : " validation errors (") + first +
                   (errors > 3 ? "; …" : "") + "); fix them first");
  }

  preparation.manifest = document.root();
  if (document.root().contains("version") && document.root()["version"].is_string()) {
    preparation.manifestVersion = document.root()["version"].get<std::string>();
  }
  const auto& resolved = loaded.resolved;
  if (resolved.contains("streams") && resolved["streams"].is_array()) {
    for (const auto& s : resolved["streams"]) {
      if (s.is_object() && s.contains("name") && s["name"].is_string()) preparation.streams.push_back(s["name"].get<std::string>());
    }
  }
  if (resolved.contains("spec") && resolved["spec"].is_object() && resolved["spec"].contains("connection_specification")) {
    preparation.connectionSpecification = nlohmann::json::parse(resolved["spec"]["connection_specification"].dump());
  }
  preparation.defaultName = defaultName(connectorDir);
  addTestReadWarnings(connectorDir, preparation.streams, preparation.warnings);
  return preparation;
}

}  // namespace manifold::airbyte
