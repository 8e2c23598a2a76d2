#include "core/github/allowed_hosts_edit.h"

#include "core/manifest/connector_metadata.h"

#include <algorithm>

namespace manifold::github {
namespace {

struct Line {
  std::string text;  // without the line break
  int indent = 0;
  bool blank = false;  // empty or only a comment
};

std::vector<Line> splitLines(std::string_view text) {
  std::vector<Line> lines;
  std::size_t at = 0;
  while (at < text.size()) {
    auto end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    Line line;
    line.text = std::string(text.substr(at, end - at));
    if (!line.text.empty() && line.text.back() == '\r') line.text.pop_back();
    const auto first = line.text.find_first_not_of(' ');
    line.blank = first == std::string::npos || line.text[first] == '#';
    line.indent = first == std::string::npos ? 0 : static_cast<int>(first);
    lines.push_back(std::move(line));
    at = end + 1;
  }
  return lines;
}

// "key:" with nothing after it but a comment; `rest` gets what follows the colon otherwise.
bool isKey(const Line& line, std::string_view key, std::string* rest = nullptr) {
  if (line.blank) return false;
  const std::string_view body = std::string_view(line.text).substr(static_cast<std::size_t>(line.indent));
  if (!body.starts_with(key) || body.size() <= key.size() || body[key.size()] != ':') return false;
  std::string after(body.substr(key.size() + 1));
  const auto hash = after.find(" #");
  if (hash != std::string::npos) after.erase(hash);
  after.erase(0, after.find_first_not_of(' ') == std::string::npos ? after.size() : after.find_first_not_of(' '));
  while (!after.empty() && after.back() == ' ') after.pop_back();
  if (rest != nullptr) *rest = after;
  return true;
}

std::string quoted(const std::string& host) {
  std::string out = "\"";
  for (const char c : host) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

// The last line index of the block that starts at `start` (lines indented deeper than `indent`).
std::size_t blockEnd(const std::vector<Line>& lines, std::size_t start, int indent) {
  std::size_t last = start;
  for (std::size_t i = start + 1; i < lines.size(); ++i) {
    if (lines[i].blank) continue;
    if (lines[i].indent <= indent) break;
    last = i;
  }
  return last;
}

std::vector<std::string> itemLines(const std::vector<std::string>& hosts, int indent) {
  std::vector<std::string> out;
  for (const auto& host : hosts) out.push_back(std::string(static_cast<std::size_t>(indent), ' ') + "- " + quoted(host));
  return out;
}

}  // namespace

std::optional<std::string> addAllowedHosts(std::string_view metadataText, const std::vector<std::string>& hosts) {
  if (hosts.empty()) return std::string(metadataText);
  if (metadataText.find('\t') != std::string_view::npos) return std::nullopt;
  auto lines = splitLines(metadataText);
  std::vector<std::string> all;
  // An empty file (or one of comments only) is no YAML mapping yet, but gets one.
  if (!std::all_of(lines.begin(), lines.end(), [](const Line& l) { return l.blank; })) {
    const auto before = manifest::allowedHostsFromMetadata(metadataText);
    if (!before.error.empty()) return std::nullopt;
    all = before.hosts.value_or(std::vector<std::string>{});
  }
  for (const auto& host : hosts) all.push_back(host);

  const auto pad = [](int n) { return std::string(static_cast<std::size_t>(n), ' '); };
  std::vector<std::string> insert;
  std::size_t insertAfter = 0;
  std::optional<std::size_t> replace;  // a line replaced by `insert` instead of followed by it

  const auto dataIt = std::find_if(lines.begin(), lines.end(), [](const Line& l) { return l.indent == 0 && isKey(l, "data"); });
  if (dataIt == lines.end()) {
    std::string rest;
    if (std::any_of(lines.begin(), lines.end(), [&](const Line& l) { return l.indent == 0 && isKey(l, "data", &rest); })) {
      return std::nullopt;  // data: written in flow style
    }
    insert = {"data:", "  allowedHosts:", "    hosts:"};
    for (auto& item : itemLines(hosts, 6)) insert.push_back(std::move(item));
    if (lines.empty()) {
      std::string out;
      for (const auto& line : insert) out += line + "\n";
      return out;
    }
    insertAfter = lines.size() - 1;
  } else {
    const std::size_t data = static_cast<std::size_t>(dataIt - lines.begin());
    std::string rest;
    if (!isKey(lines[data], "data", &rest) || !rest.empty()) return std::nullopt;
    const std::size_t dataEnd = blockEnd(lines, data, 0);
    int child = 2;
    for (std::size_t i = data + 1; i <= dataEnd; ++i) {
      if (!lines[i].blank) {
        child = lines[i].indent;
        break;
      }
    }
    std::optional<std::size_t> allowed;
    for (std::size_t i = data + 1; i <= dataEnd; ++i) {
      if (lines[i].indent == child && isKey(lines[i], "allowedHosts", &rest)) {
        allowed = i;
        break;
      }
    }
    const auto blockOf = [&](int indent, const std::vector<std::string>& items) {
      std::vector<std::string> out{pad(indent) + "hosts:"};
      for (auto& item : itemLines(items, indent + 2)) out.push_back(std::move(item));
      return out;
    };
    if (!allowed) {
      insert = {pad(child) + "allowedHosts:"};
      for (auto& line : blockOf(child + 2, hosts)) insert.push_back(std::move(line));
      insertAfter = dataEnd;
    } else if (!rest.empty()) {
      // allowedHosts: {hosts: [...]} or null: rewritten as a block with every host.
      insert = {pad(child) + "allowedHosts:"};
      for (auto& line : blockOf(child + 2, all)) insert.push_back(std::move(line));
      replace = *allowed;
    } else {
      const std::size_t allowedEnd = blockEnd(lines, *allowed, child);
      std::optional<std::size_t> list;
      int listIndent = child + 2;
      for (std::size_t i = *allowed + 1; i <= allowedEnd; ++i) {
        if (!lines[i].blank && isKey(lines[i], "hosts", &rest)) {
          list = i;
          listIndent = lines[i].indent;
          break;
        }
      }
      if (!list) {
        insert = blockOf(listIndent, hosts);
        insertAfter = *allowed;
      } else if (!rest.empty()) {
        insert = blockOf(listIndent, all);  // hosts: [] or [a, b]
        replace = *list;
      } else {
        // A block list: its items may sit at the key's own indent ("hosts:\n- a").
        std::size_t last = *list;
        int itemIndent = listIndent + 2;
        bool found = false;
        for (std::size_t i = *list + 1; i < lines.size(); ++i) {
          if (lines[i].blank) continue;
          const std::string_view body = std::string_view(lines[i].text).substr(static_cast<std::size_t>(lines[i].indent));
          if (lines[i].indent < listIndent || (lines[i].indent == listIndent && !body.starts_with("- "))) break;
          if (!found && body.starts_with("- ")) {
            itemIndent = lines[i].indent;
            found = true;
          }
          last = i;
        }
        insert = itemLines(hosts, itemIndent);
        insertAfter = last;
      }
    }
  }

  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!(replace && *replace == i)) out += lines[i].text + "\n";
    if ((replace && *replace == i) || (!replace && i == insertAfter)) {
      for (const auto& line : insert) out += line + "\n";
    }
  }
  const auto after = manifest::allowedHostsFromMetadata(out);
  if (!after.error.empty() || !after.hosts || *after.hosts != all) return std::nullopt;
  return out;
}

}  // namespace manifold::github
