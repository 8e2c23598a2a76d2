// The merge rule of combine_mappings: duplicates are errors except in JSON bodies.
#include "core/engine/request_options.h"

#include "core/engine/engine_error.h"

#include <string>

namespace manifold::engine {
namespace {

void mergeFlat(nlohmann::json& into, const nlohmann::json& from, std::string_view field, std::string_view what) {
  if (!from.is_object()) return;
  for (const auto& [key, value] : from.items()) {
    if (into.contains(key)) {
      throw ReadError("duplicate keys detected in " + std::string(field) + ": '" + key + "' is set twice (" +
                      std::string(what) + ")", protocol::FailureType::ConfigError);
    }
    into[key] = value;
  }
}

void mergeDeep(nlohmann::json& into, const nlohmann::json& from, const std::string& path, std::string_view what) {
  for (const auto& [key, value] : from.items()) {
    auto it = into.find(key);
    if (it == into.end()) {
      into[key] = value;
    } else if (it->is_object() && value.is_object()) {
      mergeDeep(*it, value, path + key + ".", what);
    } else if (*it != value) {
      throw ReadError("duplicate keys detected in the JSON body: '" + path + key + "' has two different values (" +
                      std::string(what) + ")", protocol::FailureType::ConfigError);
    }
  }
}

void overlayDeep(nlohmann::json& into, const nlohmann::json& from) {
  for (const auto& [key, value] : from.items()) {
    auto it = into.find(key);
    if (it != into.end() && it->is_object() && value.is_object()) {
      overlayDeep(*it, value);
    } else {
      into[key] = value;
    }
  }
}

}  // namespace

void RequestOptions::overlay(const RequestOptions& other) {
  if (other.params.is_object()) params.update(other.params);
  if (other.headers.is_object()) headers.update(other.headers);
  if (other.bodyJson.is_object()) overlayDeep(bodyJson, other.bodyJson);
  if (other.bodyData.is_string() || bodyData.is_string()) {
    if (!(other.bodyData.is_object() && other.bodyData.empty())) bodyData = other.bodyData;
  } else if (other.bodyData.is_object()) {
    bodyData.update(other.bodyData);
  }
}

void RequestOptions::merge(const RequestOptions& other, std::string_view what) {
  mergeFlat(params, other.params, "request parameters", what);
  mergeFlat(headers, other.headers, "request headers", what);
  if (other.bodyJson.is_object() && !other.bodyJson.empty()) mergeDeep(bodyJson, other.bodyJson, "", what);
  if (other.bodyData.is_string()) {
    if (bodyData.is_string() || !bodyData.empty()) {
      throw ReadError("duplicate request body data (" + std::string(what) + ")", protocol::FailureType::ConfigError);
    }
    bodyData = other.bodyData;
  } else if (other.bodyData.is_object() && !other.bodyData.empty()) {
    if (bodyData.is_string()) {
      throw ReadError("a raw request body cannot be combined with form fields (" + std::string(what) + ")",
                      protocol::FailureType::ConfigError);
    }
    mergeFlat(bodyData, other.bodyData, "request body data", what);
  }
}

}  // namespace manifold::engine
