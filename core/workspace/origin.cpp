#include "core/workspace/origin.h"

#include <yaml-cpp/yaml.h>

#include <ctime>
#include <nlohmann/json.hpp>
#include <utility>
#include <vector>

#include "core/workspace/line_diff.h"

namespace manifold::workspace {

namespace {

std::string field(const YAML::Node& node, const char* key) {
  const YAML::Node value = node[key];
  return value && value.IsScalar() ? value.as<std::string>() : std::string();
}

bool startsBlock(std::string_view line) {
  return line.substr(0, 7) == "origin:";
}

bool continuesBlock(std::string_view line) {
  return !line.empty() && (line.front() == ' ' || line.front() == '\t');
}

bool blank(std::string_view line) { return line.find_first_not_of(" \t\r\n") == std::string_view::npos; }

}  // namespace

std::optional<Origin> readOrigin(std::string_view metadataText) {
  try {
    const YAML::Node root = YAML::Load(std::string(metadataText));
    const YAML::Node node = root.IsMap() ? root["origin"] : YAML::Node();
    if (!node || !node.IsMap()) return std::nullopt;
    return Origin{field(node, "catalog"), field(node, "repository"), field(node, "branch"), field(node, "path"),
                  field(node, "commit"),  field(node, "version"),    field(node, "date")};
  } catch (const YAML::Exception&) {
    return std::nullopt;
  }
}

std::string removeOrigin(std::string_view metadataText) {
  const auto lines = splitLines(metadataText);
  std::string out;
  std::size_t i = 0;
  while (i < lines.size()) {
    if (!startsBlock(lines[i])) {
      out += lines[i++];
      continue;
    }
    // The block: its key line and the indented (or blank) lines after it; blank lines that
    // end it belong to what follows.
    std::size_t end = i + 1;
    std::size_t lastIndented = i;
    while (end < lines.size() && (continuesBlock(lines[end]) || blank(lines[end]))) {
      if (!blank(lines[end])) lastIndented = end;
      ++end;
    }
    i = lastIndented + 1;
  }
  return out;
}

std::string writeOrigin(std::string_view metadataText, const Origin& origin) {
  std::string out = removeOrigin(metadataText);
  if (!out.empty() && out.back() != '\n') out += '\n';
  const auto add = [&out](const char* key, const std::string& value) {
    if (value.empty()) return;
    out += std::string("  ") + key + ": " + nlohmann::json(value).dump() + "\n";  // JSON strings are YAML
  };
  out += "origin:\n";
  add("catalog", origin.catalog);
  add("repository", origin.repository);
  add("branch", origin.branch);
  add("path", origin.path);
  add("commit", origin.commit);
  add("version", origin.version);
  add("date", origin.date);
  return out;
}

std::string utcNowIso() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

}  // namespace manifold::workspace
