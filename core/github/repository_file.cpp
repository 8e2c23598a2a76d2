#include "core/github/repository_file.h"

#include <algorithm>
#include <cctype>

#include "core/interpolation/encoding.h"

namespace manifold::github {

std::string queryEscape(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const unsigned char c : text) {
    if (std::isalnum(c) != 0 || c == '-' || c == '_' || c == '.' || c == '~' || c == '/' || c == ':') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

Result<std::optional<std::string>> fetchRepositoryFile(GitHubClient& client, const std::string& repository,
                                                       const std::string& path, const std::string& ref,
                                                       std::stop_token stop) {
  std::string target = "/repos/" + repository + "/contents/" + queryEscape(path);
  if (!ref.empty()) target += "?ref=" + queryEscape(ref);
  auto response = client.send("GET", target, std::nullopt, stop);
  if (!response) return response.error();
  if (response->status == 404) return std::optional<std::string>();
  if (!response->ok()) return errorFor(response.value(), "read " + path + " of " + repository);
  const auto& body = response->body;
  if (!body.is_object() || body.value("encoding", std::string()) != "base64" || !body.contains("content") ||
      !body["content"].is_string()) {
    GitHubError error;
    error.kind = GitHubErrorKind::BadResponse;
    error.message = "cannot read " + path + " of " + repository + ": it is not a file GitHub sends as base64";
    return error;
  }
  std::string encoded = body["content"].get<std::string>();
  std::erase(encoded, '\n');
  return std::optional<std::string>(interpolation::base64Decode(encoded));
}

}  // namespace manifold::github
