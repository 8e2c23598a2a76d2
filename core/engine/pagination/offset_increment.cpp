// OffsetIncrement, as strategies/offset_increment.py counts (raw extracted records).
#include "core/engine/pagination/offset_increment.h"

#include "core/engine/engine_error.h"

namespace manifold::engine {

std::optional<std::int64_t> OffsetIncrement::evalPageSize(const nlohmann::json& response) const {
  if (!pageSize_) return std::nullopt;
  interpolation::Context context;
  context.borrow("config", *config_).borrow("parameters", parameters_).borrow("response", response);
  const auto value = evalOrThrow(*pageSize_, context, "the OffsetIncrement page_size");
  if (!value.is_number_integer()) {
    throw ReadError("the OffsetIncrement page_size '" + pageSize_->text() + "' must evaluate to an integer, got " +
                        value.dump(), protocol::FailureType::ConfigError);
  }
  return value.get<std::int64_t>();
}

std::optional<nlohmann::json> OffsetIncrement::initialToken() const {
  if (injectOnFirstRequest_) return nlohmann::json(0);
  return std::nullopt;
}

std::optional<nlohmann::json> OffsetIncrement::nextToken(const PageOutcome& page,
                                                         const std::optional<nlohmann::json>& previous) const {
  const auto size = evalPageSize(page.response);
  if (page.rawRecordCount == 0) return std::nullopt;
  if (size && static_cast<std::int64_t>(page.rawRecordCount) < *size) return std::nullopt;
  const std::int64_t offset = previous && previous->is_number_integer() ? previous->get<std::int64_t>() : 0;
  return nlohmann::json(offset + static_cast<std::int64_t>(page.rawRecordCount));
}

std::optional<nlohmann::json> OffsetIncrement::pageSize() const {
  static const nlohmann::json kEmpty = nlohmann::json::object();
  if (auto size = evalPageSize(kEmpty)) return nlohmann::json(*size);
  return std::nullopt;
}

}  // namespace manifold::engine
