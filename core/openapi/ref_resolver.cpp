// $ref lookup: JSON pointers (RFC 6901, with %-escapes as URI fragments allow), files relative
// to the referring document, a cache per target so multi-MB documents resolve each ref once.
#include "core/openapi/ref_resolver.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace manifold::openapi {
namespace {

constexpr std::size_t kMaxExternalFiles = 200;
constexpr int kMaxChain = 64;

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percentDecode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size()) {
      const int hi = hexValue(text[i + 1]);
      const int lo = hexValue(text[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out.push_back(static_cast<char>(hi * 16 + lo));
        i += 2;
        continue;
      }
    }
    out.push_back(text[i]);
  }
  return out;
}

std::string unescapeToken(std::string_view token) {
  std::string out;
  out.reserve(token.size());
  for (std::size_t i = 0; i < token.size(); ++i) {
    if (token[i] == '~' && i + 1 < token.size() && (token[i + 1] == '0' || token[i + 1] == '1')) {
      out.push_back(token[i + 1] == '0' ? '~' : '/');
      ++i;
    } else {
      out.push_back(token[i]);
    }
  }
  return out;
}

// Walks a fragment pointer ("/components/schemas/User") from `from`; null when a step is missing.
const Json* walkPointer(const Json& from, std::string_view pointer) {
  const Json* at = &from;
  if (pointer.empty()) return at;
  if (pointer.front() != '/') return nullptr;
  std::size_t start = 1;
  while (true) {
    const auto end = pointer.find('/', start);
    const auto token = unescapeToken(percentDecode(pointer.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start)));
    if (at->is_object()) {
      auto it = at->find(token);
      if (it == at->end()) return nullptr;
      at = &*it;
    } else if (at->is_array()) {
      if (token.empty() || token.find_first_not_of("0123456789") != std::string::npos || token.size() > 9) return nullptr;
      const auto index = static_cast<std::size_t>(std::stoul(token));
      if (index >= at->size()) return nullptr;
      at = &(*at)[index];
    } else {
      return nullptr;
    }
    if (end == std::string_view::npos) return at;
    start = end + 1;
  }
}

}  // namespace

struct RefResolver::Loaded {
  std::string path;  // absolute, normalised
  Json root;
};

RefResolver::RefResolver(const OpenApiDocument& document) : document_(document) {}
RefResolver::~RefResolver() = default;

std::string_view RefResolver::refOf(const Json& node) {
  if (!node.is_object()) return {};
  auto it = node.find("$ref");
  if (it == node.end() || !it->is_string()) return {};
  return it->get_ref<const std::string&>();
}

void RefResolver::problem(std::string text) {
  if (reported_.insert(text).second) problems_.push_back(std::move(text));
}

std::size_t RefResolver::loadExternal(const std::string& file, std::size_t fromDoc, std::string& error) {
  const std::string& base = fromDoc == 0 ? document_.location : external_[fromDoc - 1]->path;
  if (fromDoc == 0 && document_.fromUrl) {
    error = "refers to another file, which is not followed for a document read from a URL";
    return 0;
  }
  if (base.empty()) {
    error = "refers to another file, but the document was not read from a file";
    return 0;
  }
  std::error_code ec;
  auto path = std::filesystem::weakly_canonical(std::filesystem::path(base).parent_path() / file, ec);
  if (ec) path = std::filesystem::path(base).parent_path() / file;
  const auto key = path.string();
  for (std::size_t i = 0; i < external_.size(); ++i) {
    if (external_[i]->path == key) return i + 1;
  }
  if (!document_.location.empty() && key == std::filesystem::weakly_canonical(document_.location, ec).string()) return 0;
  if (external_.size() >= kMaxExternalFiles) {
    error = "refers to more than " + std::to_string(kMaxExternalFiles) + " files";
    return 0;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "refers to " + key + ", which cannot be read";
    return 0;
  }
  std::ostringstream text;
  text << in.rdbuf();
  auto tree = parseJsonOrYaml(text.str(), key);
  if (!tree) {
    error = tree.error().message;
    return 0;
  }
  auto loaded = std::make_unique<Loaded>();
  loaded->path = key;
  loaded->root = std::move(tree.value());
  external_.push_back(std::move(loaded));
  return external_.size();
}

Node RefResolver::lookup(std::string_view ref, std::size_t fromDoc) {
  std::string key = std::to_string(fromDoc);
  key += '|';
  key += ref;
  if (auto it = cache_.find(key); it != cache_.end()) return it->second;

  const auto hash = ref.find('#');
  const std::string file(ref.substr(0, hash));
  const std::string_view fragment = hash == std::string_view::npos ? std::string_view() : ref.substr(hash + 1);
  std::size_t doc = fromDoc;
  Node found;
  if (!file.empty()) {
    std::string error;
    const std::size_t target = loadExternal(file, fromDoc, error);
    if (!error.empty()) {
      problem("$ref '" + std::string(ref) + "' " + error);
      cache_.emplace(std::move(key), found);
      return found;
    }
    doc = target;
  }
  const Json& root = doc == 0 ? document_.root : external_[doc - 1]->root;
  if (const Json* target = walkPointer(root, fragment)) {
    found = Node{target, doc};
  } else {
    problem("$ref '" + std::string(ref) + "' cannot be resolved: the document has nothing at that location");
  }
  cache_.emplace(std::move(key), found);
  return found;
}

Node RefResolver::deref(Node node) {
  if (!node) return node;
  std::vector<std::string> chain;
  for (int step = 0; step < kMaxChain; ++step) {
    const auto ref = refOf(*node);
    if (ref.empty()) return node;
    std::string seen = std::to_string(node.doc) + "|" + std::string(ref);
    for (const auto& earlier : chain) {
      if (earlier == seen) {
        problem("$ref '" + std::string(ref) + "' is circular: it leads back to itself");
        return {};
      }
    }
    chain.push_back(std::move(seen));
    node = lookup(ref, node.doc);
    if (!node) return node;
  }
  problem("$ref chain longer than " + std::to_string(kMaxChain) + " steps");
  return {};
}

Node RefResolver::child(Node node, std::string_view key) {
  node = deref(node);
  if (!node || !node->is_object()) return {};
  auto it = node->find(key);
  if (it == node->end()) return {};
  return deref(Node{&*it, node.doc});
}

}  // namespace manifold::openapi
