// SecretMasker: replaces secret values, in every form they may take in output, by "****".
#include "core/protocol/secret_masker.h"

#include <algorithm>
#include <cstring>

namespace manifold::protocol {

namespace {

// Derived forms of very short secrets would match ordinary text (base64 of "abc" is "YWJj"),
// so below this length only the secret as written is masked.
constexpr std::size_t kMinLengthForDerivedForms = 4;

std::string percentEncode(std::string_view text, bool spaceAsPlus) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size() * 3);
  for (unsigned char c : text) {
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                            (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~';
    if (unreserved) {
      out.push_back(static_cast<char>(c));
    } else if (c == ' ' && spaceAsPlus) {
      out.push_back('+');
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

std::string base64Unpadded(std::string_view text) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < text.size(); i += 3) {
    const unsigned v = (static_cast<unsigned char>(text[i]) << 16) |
                       (static_cast<unsigned char>(text[i + 1]) << 8) |
                       static_cast<unsigned char>(text[i + 2]);
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += kAlphabet[(v >> 6) & 63];
    out += kAlphabet[v & 63];
  }
  // A trailing partial group is left out: its last character depends on what follows the
  // secret, so only the fully determined prefix is searched for.
  return out;
}

std::string jsonEscaped(std::string_view text) {
  std::string quoted = nlohmann::json(std::string(text)).dump(-1, ' ', false,
                                                              nlohmann::json::error_handler_t::replace);
  return quoted.substr(1, quoted.size() - 2);
}

bool replaceAll(std::string& text, std::size_t from, std::string_view needle) {
  bool changed = false;
  std::size_t pos = from;
  while (pos < text.size()) {
    const void* hit = ::memmem(text.data() + pos, text.size() - pos, needle.data(), needle.size());
    if (hit == nullptr) break;
    const std::size_t at = static_cast<std::size_t>(static_cast<const char*>(hit) - text.data());
    text.replace(at, needle.size(), SecretMasker::kMask);
    pos = at + SecretMasker::kMask.size();
    changed = true;
  }
  return changed;
}

}  // namespace

SecretMasker::SecretMasker(const std::vector<std::string>& secrets) {
  for (const auto& s : secrets) add(s);
}

void SecretMasker::addForm(std::string form) {
  if (form.empty() || std::find(forms_.begin(), forms_.end(), form) != forms_.end()) return;
  forms_.push_back(std::move(form));
  std::stable_sort(forms_.begin(), forms_.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
}

void SecretMasker::add(std::string_view secret) {
  if (secret.empty()) return;
  std::string raw(secret);
  if (std::find(rawForms_.begin(), rawForms_.end(), raw) == rawForms_.end()) rawForms_.push_back(raw);
  addForm(raw);
  addForm(jsonEscaped(secret));
  if (secret.size() >= kMinLengthForDerivedForms) {
    for (std::string derived : {percentEncode(secret, true), percentEncode(secret, false),
                                base64Unpadded(secret)}) {
      if (derived.size() < kMinLengthForDerivedForms) continue;
      if (std::find(rawForms_.begin(), rawForms_.end(), derived) == rawForms_.end()) {
        rawForms_.push_back(derived);
      }
      addForm(std::move(derived));
    }
  }
  std::stable_sort(rawForms_.begin(), rawForms_.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
}

bool SecretMasker::maskInPlace(std::string& text, std::size_t from) const {
  bool changed = false;
  for (const auto& form : forms_) changed = replaceAll(text, from, form) || changed;
  return changed;
}

std::string SecretMasker::mask(std::string_view text) const {
  std::string out(text);
  maskInPlace(out);
  return out;
}

void SecretMasker::maskJson(nlohmann::json& value) const {
  if (forms_.empty()) return;
  if (value.is_string()) {
    auto& s = value.get_ref<std::string&>();
    for (const auto& form : rawForms_) replaceAll(s, 0, form);
  } else if (value.is_array()) {
    for (auto& item : value) maskJson(item);
  } else if (value.is_object()) {
    nlohmann::json masked = nlohmann::json::object();
    for (auto& [key, item] : value.items()) {
      maskJson(item);
      std::string k = key;
      for (const auto& form : rawForms_) replaceAll(k, 0, form);
      masked[k] = std::move(item);
    }
    value = std::move(masked);
  }
}

}  // namespace manifold::protocol
