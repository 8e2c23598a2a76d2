// IncrementingCountCursor: values are compared as they come (numbers numerically), without
// conversion, as the reference's IncrementingCountStreamStateConverter does.
#include "core/engine/cursor/incrementing_count_cursor.h"

#include "core/interpolation/value.h"

namespace manifold::engine {
namespace {

class CountCursor final : public PartitionCursor {
 public:
  CountCursor(const IncrementingCountCursor& cursor, const nlohmann::json& state, const nlohmann::json& startValue)
      : cursor_(cursor), legacy_(state.is_object() ? state : nlohmann::json::object()), syncStart_(startValue) {
    if (auto it = legacy_.find(cursor.cursorField()); it != legacy_.end()) {
      if (interpolation::Value::borrow(*it).truthy() && !(*it < startValue)) syncStart_ = *it;
    }
    highest_ = syncStart_;
  }

  bool forEachSlice(const std::function<bool(const nlohmann::json&)>& onSlice) override {
    return onSlice(nlohmann::json{{IncrementingCountCursor::kStartKey, syncStart_}});
  }
  void observe(const nlohmann::json& record) override {
    if (!record.is_object()) return;
    auto it = record.find(cursor_.cursorField());
    if (it == record.end() || it->is_null()) return;
    if (highest_ < *it) highest_ = *it;
  }
  void close(const nlohmann::json&) override {}
  bool shouldBeSynced(const nlohmann::json& record) override {
    if (!record.is_object()) return true;
    auto it = record.find(cursor_.cursorField());
    if (it == record.end() || it->is_null()) return true;
    return !(*it < syncStart_);
  }
  nlohmann::json state() const override {
    nlohmann::json state = legacy_;
    state[cursor_.cursorField()] = highest_;
    return state;
  }

 private:
  const IncrementingCountCursor& cursor_;
  nlohmann::json legacy_;
  nlohmann::json syncStart_;
  nlohmann::json highest_;
};

}  // namespace

IncrementingCountCursor::IncrementingCountCursor(std::string cursorField, nlohmann::json startValue,
                                                 std::optional<RequestOption> startValueOption)
    : IncrementalSync(std::move(cursorField), Flags{}),
      startValue_(std::move(startValue)),
      startValueOption_(std::move(startValueOption)) {}

std::unique_ptr<PartitionCursor> IncrementingCountCursor::open(ReadContext&, const nlohmann::json& state,
                                                               std::chrono::seconds) const {
  return std::make_unique<CountCursor>(*this, state, startValue_);
}

RequestOptions IncrementingCountCursor::requestOptions(const StreamSlice& slice) const {
  RequestOptions options;
  if (!startValueOption_ || startValueOption_->isPath()) return options;
  if (auto it = slice.merged().find(kStartKey); it != slice.merged().end()) startValueOption_->inject(options, *it);
  return options;
}

std::optional<nlohmann::json> IncrementingCountCursor::stateValueOf(const nlohmann::json& record) const {
  if (!record.is_object()) return std::nullopt;
  auto it = record.find(cursorField());
  if (it == record.end() || it->is_null()) return std::nullopt;
  return *it;
}

}  // namespace manifold::engine
