// RequestOptions: the query parameters, headers and body one component contributes to a
// request, and the reference's merge rule for combining them.
#pragma once

#include <nlohmann/json.hpp>

#include <string_view>

namespace manifold::engine {

struct RequestOptions {
  nlohmann::json params = nlohmann::json::object();    // values: strings, numbers or lists
  nlohmann::json headers = nlohmann::json::object();   // values: strings
  nlohmann::json bodyJson = nlohmann::json::object();
  nlohmann::json bodyData = nlohmann::json::object();  // a form (object) or raw text (string)

  // Adds `other` (REFERENCE-NOTES 3.4): a key present in both is an error ("duplicate keys
  // detected"), even with equal values, except in JSON bodies where nested objects deep-merge and
  // equal values are allowed. Throws ReadError naming `what`.
  void merge(const RequestOptions& other, std::string_view what);
  // Adds `other` where the reference chains mappings (ChainMap, dict update): on a clash `other`
  // replaces the value, JSON bodies merge deeply.
  void overlay(const RequestOptions& other);
};

}  // namespace manifold::engine
