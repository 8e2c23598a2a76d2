// SecretMasker: replaces secret values, in every form they may take in output, by "****".
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace manifold::protocol {

class SecretMasker {
 public:
  static constexpr std::string_view kMask = "****";  // what the reference's filter_secrets writes

  SecretMasker() = default;
  explicit SecretMasker(const std::vector<std::string>& secrets);

  // Adds a secret and the forms it takes in output: as written, JSON-escaped (inside a
  // serialized string), percent-encoded (in a URL or form body, with "+" or "%20" for spaces)
  // and base64 (a token passed encoded). Empty secrets are ignored.
  void add(std::string_view secret);

  bool empty() const { return forms_.empty(); }
  // Every searched form, longest first so a longer secret is masked whole before a shorter one
  // that is part of it can leave a tail behind.
  const std::vector<std::string>& forms() const { return forms_; }

  // Masks text[from..]; returns whether anything was replaced.
  bool maskInPlace(std::string& text, std::size_t from = 0) const;
  std::string mask(std::string_view text) const;
  // Masks every string value and object key inside a JSON value.
  void maskJson(nlohmann::json& value) const;

 private:
  void addForm(std::string form);

  std::vector<std::string> forms_;
  std::vector<std::string> rawForms_;  // as written and percent/base64 forms, for maskJson
};

}  // namespace manifold::protocol
