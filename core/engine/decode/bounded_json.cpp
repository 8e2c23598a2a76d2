#include "core/engine/decode/bounded_json.h"

#include <string>

namespace manifold::engine {
namespace {

using Json = nlohmann::json;

// nlohmann's own DOM builder behind a depth check: parsing stays iterative and allocation-free
// beyond the DOM, and stops at the first container past the bound.
class DepthLimitedBuilder {
 public:
  DepthLimitedBuilder(Json& root, std::size_t maxDepth) : dom_(root, /*allow_exceptions=*/false), max_(maxDepth) {}

  bool null() { return dom_.null(); }
  bool boolean(bool value) { return dom_.boolean(value); }
  bool number_integer(Json::number_integer_t value) { return dom_.number_integer(value); }
  bool number_unsigned(Json::number_unsigned_t value) { return dom_.number_unsigned(value); }
  bool number_float(Json::number_float_t value, const std::string& text) { return dom_.number_float(value, text); }
  bool string(std::string& value) { return dom_.string(value); }
  bool binary(Json::binary_t& value) { return dom_.binary(value); }
  bool key(std::string& value) { return dom_.key(value); }
  bool start_object(std::size_t size) { return enter() && dom_.start_object(size); }
  bool end_object() {
    --depth_;
    return dom_.end_object();
  }
  bool start_array(std::size_t size) { return enter() && dom_.start_array(size); }
  bool end_array() {
    --depth_;
    return dom_.end_array();
  }
  bool parse_error(std::size_t position, const std::string& token, const nlohmann::detail::exception& error) {
    invalid_ = true;
    return dom_.parse_error(position, token, error);
  }

  bool tooDeep() const { return tooDeep_; }
  bool invalid() const { return invalid_ || dom_.is_errored(); }

 private:
  bool enter() {
    if (++depth_ > max_) {
      tooDeep_ = true;
      return false;
    }
    return true;
  }

  nlohmann::detail::json_sax_dom_parser<Json> dom_;
  std::size_t max_;
  std::size_t depth_ = 0;
  bool tooDeep_ = false;
  bool invalid_ = false;
};

}  // namespace

BoundedJson parseBoundedJson(std::string_view text, std::size_t maxDepth) {
  BoundedJson result;
  DepthLimitedBuilder builder(result.value, maxDepth);
  const bool ok = Json::sax_parse(text.begin(), text.end(), &builder, nlohmann::json::input_format_t::json,
                                  /*strict=*/true);
  if (builder.tooDeep()) {
    result.status = BoundedJson::Status::TooDeep;
  } else if (!ok || builder.invalid()) {
    result.status = BoundedJson::Status::Invalid;
  }
  if (result.status != BoundedJson::Status::Ok) result.value = Json(Json::value_t::discarded);
  return result;
}

}  // namespace manifold::engine
