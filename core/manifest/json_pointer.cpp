// JSON pointer helpers.
#include "core/manifest/json_pointer.h"

namespace manifold::manifest {

void appendPointerToken(std::string& pointer, std::string_view token) {
  pointer.push_back('/');
  for (char c : token) {
    if (c == '~') {
      pointer += "~0";
    } else if (c == '/') {
      pointer += "~1";
    } else {
      pointer.push_back(c);
    }
  }
}

std::string childPointer(std::string_view parent, std::string_view token) {
  std::string out(parent);
  appendPointerToken(out, token);
  return out;
}

std::string childPointer(std::string_view parent, std::size_t index) {
  std::string out(parent);
  out.push_back('/');
  out += std::to_string(index);
  return out;
}

std::vector<std::string> splitPointer(std::string_view pointer) {
  std::vector<std::string> tokens;
  if (pointer.empty()) return tokens;
  std::size_t pos = pointer.front() == '/' ? 1 : 0;
  std::string current;
  for (; pos <= pointer.size(); ++pos) {
    if (pos == pointer.size() || pointer[pos] == '/') {
      tokens.push_back(std::move(current));
      current.clear();
      continue;
    }
    char c = pointer[pos];
    if (c == '~' && pos + 1 < pointer.size() && (pointer[pos + 1] == '0' || pointer[pos + 1] == '1')) {
      current.push_back(pointer[pos + 1] == '0' ? '~' : '/');
      ++pos;
    } else {
      current.push_back(c);
    }
  }
  return tokens;
}

std::string_view parentPointer(std::string_view pointer) {
  const auto slash = pointer.rfind('/');
  if (slash == std::string_view::npos) return {};
  return pointer.substr(0, slash);
}

}  // namespace manifold::manifest
