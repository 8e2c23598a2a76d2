// RequestOption: inject_into, field_name and field_path.
#include "core/engine/request_option.h"

#include "core/engine/template_eval.h"

namespace manifold::engine {

namespace {

std::string renderName(const ComponentNode& node, const std::string& key, const nlohmann::json& config,
                       const nlohmann::json& parameters, const std::string& text) {
  checkTemplateSyntax(text, node.pointer() + "/" + key);
  interpolation::Context context;
  context.borrow("config", config).borrow("parameters", parameters);
  auto value = interpolation::InterpolatedString(text).evalValue(context);
  if (!value) node.failAt(key, "could not be evaluated: " + value.error().message);
  if (value.value().isString()) return std::string(value.value().asString());
  return pythonStr(value.value().toJson());
}

}  // namespace

RequestOption RequestOption::build(const ComponentNode& node, const nlohmann::json& config) {
  RequestOption option;
  if (node.type() == "RequestPath") {
    option.target_ = Target::Path;
    return option;
  }
  const std::string injectInto = node.string("inject_into");
  if (injectInto == "request_parameter") {
    option.target_ = Target::Parameter;
  } else if (injectInto == "header") {
    option.target_ = Target::Header;
  } else if (injectInto == "body_data") {
    option.target_ = Target::BodyData;
  } else if (injectInto == "body_json") {
    option.target_ = Target::BodyJson;
  } else {
    node.failAt("inject_into", "must be request_parameter, header, body_data or body_json, got '" + injectInto + "'");
  }
  const auto parameters = node.parameters();
  if (node.has("field_path")) {
    if (option.target_ != Target::BodyJson) node.failAt("field_path", "is only allowed with inject_into body_json");
    const auto path = node.child("field_path");
    if (!path.json().is_array() || path.json().empty()) node.failAt("field_path", "must be a non-empty list");
    for (std::size_t i = 0; i < path.size(); ++i) {
      const auto& item = path.json()[i];
      if (!item.is_string()) node.failAt("field_path", "must hold strings");
      option.fieldPath_.push_back(renderName(node, "field_path/" + std::to_string(i), config, parameters,
                                             item.get<std::string>()));
    }
  } else if (node.has("field_name")) {
    option.fieldPath_.push_back(renderName(node, "field_name", config, parameters, node.string("field_name")));
  } else {
    node.fail("a RequestOption needs field_name (or field_path for body_json)");
  }
  return option;
}

std::string RequestOption::fieldKey() const { return fieldPath_.empty() ? std::string() : fieldPath_.back(); }

void RequestOption::inject(RequestOptions& into, const nlohmann::json& value) const {
  switch (target_) {
    case Target::Parameter: into.params[fieldPath_.front()] = value; break;
    case Target::Header: into.headers[fieldPath_.front()] = pythonStr(value); break;
    case Target::BodyData:
      if (!into.bodyData.is_object()) into.bodyData = nlohmann::json::object();
      into.bodyData[fieldPath_.front()] = value;
      break;
    case Target::BodyJson: {
      nlohmann::json* node = &into.bodyJson;
      for (std::size_t i = 0; i + 1 < fieldPath_.size(); ++i) {
        nlohmann::json& next = (*node)[fieldPath_[i]];
        if (!next.is_object()) next = nlohmann::json::object();
        node = &next;
      }
      (*node)[fieldPath_.back()] = value;
      break;
    }
    case Target::Path: break;
  }
}

bool RequestOption::sameField(const RequestOption& other) const {
  return target_ == other.target_ && fieldPath_ == other.fieldPath_;
}

}  // namespace manifold::engine
