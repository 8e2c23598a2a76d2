// Where each node of a parsed YAML document was written: JSON pointer -> line/column.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

namespace manifold::manifest {

// 1-based line and column; line 0 means unknown.
struct SourcePosition {
  int line = 0;
  int column = 0;
  bool known() const { return line > 0; }
  friend bool operator==(const SourcePosition&, const SourcePosition&) = default;
};

struct SourceEntry {
  SourcePosition value;     // where the value starts
  SourcePosition keyBegin;  // where its key starts (mapping entries only)
  SourcePosition keyEnd;    // one past the key's last character, same line
  bool hasKey() const { return keyBegin.known(); }
};

class SourceMap {
 public:
  void add(std::string pointer, const SourceEntry& entry);

  // The entry of exactly this pointer, or nullptr.
  const SourceEntry* find(std::string_view pointer) const;

  // The position of this pointer, else of its nearest ancestor that has one.
  // A mapping entry reports its key (what an editor underlines); other nodes their value.
  SourcePosition locate(std::string_view pointer) const;

  std::size_t size() const { return entries_.size(); }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, SourceEntry, Hash, std::equal_to<>> entries_;
};

}  // namespace manifold::manifest
