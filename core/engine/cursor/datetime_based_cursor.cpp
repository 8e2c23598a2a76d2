// DatetimeBasedCursor and the per-read window cursor built from it. The window cursor keeps the
// reference ConcurrentCursor's model: a list of synced intervals, each with the greatest record
// value seen in it, merged as slices close; the state is the first merged interval's value.
#include "core/engine/cursor/datetime_based_cursor.h"

#include "core/engine/engine_error.h"
#include "core/engine/read_context.h"
#include "core/interpolation/datetime_format.h"
#include "core/interpolation/error.h"

#include <algorithm>
#include <chrono>
#include <tuple>

namespace manifold::engine {
namespace {

using interpolation::DateTime;
using interpolation::Duration;

std::int64_t nowMicros() {
  return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::int64_t add(std::int64_t micros, const Duration& delta, bool subtract = false) {
  return interpolation::addDuration(DateTime{micros, 0, true}, delta, subtract).micros;
}

class DatetimeWindowCursor final : public PartitionCursor {
 public:
  struct Interval {
    std::int64_t start = 0;
    std::int64_t end = 0;
    std::optional<std::int64_t> mostRecent;
  };

  DatetimeWindowCursor(const DatetimeBasedCursor& cursor, ReadContext& read, const nlohmann::json& state,
                       std::chrono::seconds runtimeLookback)
      : cursor_(cursor), read_(read) {
    const auto& spec = cursor.spec();
    start_ = cursor.startMicros();
    end_ = cursor.endMicros();
    const auto stateType = state.is_object() ? state.value("state_type", std::string()) : std::string();
    if (stateType == "date-range" || stateType == "integer") {
      // The concurrent form: {"state_type": "date-range", "slices": [{start, end, most_recent_cursor_value}]}.
      for (const auto& slice : state.value("slices", nlohmann::json::array())) {
        Interval interval{parseState(slice.value("start", nlohmann::json())), parseState(slice.value("end", nlohmann::json())),
                          std::nullopt};
        if (slice.contains("most_recent_cursor_value")) interval.mostRecent = parseState(slice["most_recent_cursor_value"]);
        intervals_.push_back(interval);
      }
      if (intervals_.empty()) throw ReadError("the stream state has no slices: " + state.dump(), protocol::FailureType::ConfigError);
      const auto& first = intervals_.front();
      syncStart_ = first.mostRecent.value_or(first.end);
      legacy_ = state.value("legacy", nlohmann::json::object());
      return;
    }
    legacy_ = state.is_object() ? state : nlohmann::json::object();
    syncStart_ = start_;
    if (auto it = legacy_.find(spec.cursorField); it != legacy_.end()) {
      std::int64_t previous = parseState(*it);
      if (runtimeLookback.count() > 0) {
        previous -= runtimeLookback.count() * interpolation::kMicrosPerSecond;
        *it = cursor.format(previous);
        previous = parseState(*it);
      }
      if (previous >= start_) syncStart_ = previous;
    }
    intervals_.push_back(Interval{start_, syncStart_, syncStart_});
  }

  bool forEachSlice(const std::function<bool(const nlohmann::json& cursorSlice)>& onSlice) override {
    end_ = cursor_.endMicros();
    merge();
    const std::vector<Interval> synced = intervals_;
    const auto& granularity = cursor_.spec().granularity;
    if (start_ < synced.front().start && !split(start_, synced.front().start, false, onSlice)) return false;
    for (std::size_t i = 0; i + 1 < synced.size(); ++i) {
      const std::int64_t lower = granularity ? add(synced[i].end, *granularity) : synced[i].end;
      if (!split(lower, synced[i + 1].start, false, onSlice)) return false;
    }
    return split(lowerOfLast(synced.back().end), end_, true, onSlice);
  }

  void observe(const nlohmann::json& record) override {
    auto value = recordValue(record);
    if (!value) return;
    if (!current_ || *current_ < *value) current_ = value;
  }

  void close(const nlohmann::json& cursorSlice) override {
    const auto& spec = cursor_.spec();
    Interval interval{parseState(cursorSlice.value(spec.partitionFieldStart, nlohmann::json())),
                      parseState(cursorSlice.value(spec.partitionFieldEnd, nlohmann::json())), current_};
    current_.reset();
    intervals_.push_back(interval);
    merge();
  }

  bool shouldBeSynced(const nlohmann::json& record) override {
    auto value = recordValue(record);
    if (!value) return true;
    return syncStart_ <= *value && *value <= end_;
  }

  nlohmann::json state() const override {
    nlohmann::json state = legacy_;
    std::vector<Interval> merged = intervals_;
    mergeIntervals(merged);
    const auto& first = merged.front();
    state[cursor_.spec().cursorField] = cursor_.format(first.mostRecent.value_or(first.start));
    return state;
  }

 private:
  std::int64_t parseState(const nlohmann::json& value) const {
    auto parsed = cursor_.parse(value);
    if (!parsed) {
      throw ReadError("the stream state value " + value.dump() + " of '" + cursor_.spec().cursorField +
                          "' matches none of the cursor's datetime formats",
                      protocol::FailureType::ConfigError);
    }
    return *parsed;
  }

  // The record's cursor value (top-level key only); missing, null or unparseable values are
  // skipped, with one warning per read as the reference logs.
  std::optional<std::int64_t> recordValue(const nlohmann::json& record) {
    std::optional<std::int64_t> value;
    if (record.is_object()) {
      auto it = record.find(cursor_.spec().cursorField);
      if (it != record.end() && !it->is_null()) value = cursor_.parse(*it);
    }
    if (!value && !warned_) {
      warned_ = true;
      read_.log(protocol::LogLevel::Warn, "Could not find cursor field `" + cursor_.spec().cursorField +
                                              "` in record for stream " + read_.streamName() +
                                              ". The incremental sync will assume it needs to be synced");
    }
    return value;
  }

  std::int64_t lowerOfLast(std::int64_t lower) const {
    const auto& lookback = cursor_.spec().lookback;
    return lookback ? add(lower, *lookback, true) : lower;
  }

  // _split_per_slice_range: windows of `step`, each ending one granularity before the next starts,
  // except the very last one, which ends at the upper bound.
  bool split(std::int64_t lower, std::int64_t upper, bool upperIsEnd,
             const std::function<bool(const nlohmann::json&)>& onSlice) const {
    if (lower >= upper || upper < start_) return true;
    lower = std::max(lower, start_);
    const auto& spec = cursor_.spec();
    const auto& granularity = spec.granularity;
    auto emit = [&](std::int64_t from, std::int64_t to) {
      return onSlice(nlohmann::json{{spec.partitionFieldStart, cursor_.format(from)}, {spec.partitionFieldEnd, cursor_.format(to)}});
    };
    if (!spec.step || add(lower, *spec.step) >= upper) {
      return emit(lower, granularity && !upperIsEnd ? add(upper, *granularity, true) : upper);
    }
    std::int64_t current = lower;
    while (true) {
      const std::int64_t next = std::min(add(current, *spec.step), upper);
      const bool reached = next >= upper;
      if (current >= next) return true;
      if (!emit(current, granularity && (!upperIsEnd || !reached) ? add(next, *granularity, true) : next)) return false;
      current = next;
      if (reached) return true;
    }
  }

  void merge() { mergeIntervals(intervals_); }

  void mergeIntervals(std::vector<Interval>& intervals) const {
    if (intervals.empty()) return;
    std::sort(intervals.begin(), intervals.end(),
              [](const Interval& a, const Interval& b) { return std::tie(a.start, a.end) < std::tie(b.start, b.end); });
    const Duration increment = cursor_.spec().granularity.value_or(Duration{1000, 0, 0});
    std::vector<Interval> merged{intervals.front()};
    for (std::size_t i = 1; i < intervals.size(); ++i) {
      Interval& last = merged.back();
      const Interval& current = intervals[i];
      if (add(last.end, increment) >= current.start) {
        last.end = std::max(last.end, current.end);
        if (last.mostRecent && current.mostRecent) {
          last.mostRecent = std::max(*last.mostRecent, *current.mostRecent);
        } else if (current.mostRecent) {
          last.mostRecent = current.mostRecent;
        }
      } else {
        merged.push_back(current);
      }
    }
    intervals = std::move(merged);
  }

  const DatetimeBasedCursor& cursor_;
  ReadContext& read_;
  std::int64_t start_ = 0;
  std::int64_t end_ = 0;
  std::int64_t syncStart_ = 0;
  std::vector<Interval> intervals_;
  nlohmann::json legacy_;
  std::optional<std::int64_t> current_;
  bool warned_ = false;
};

}  // namespace

DatetimeBasedCursor::DatetimeBasedCursor(Spec spec, SharedConfig config)
    : IncrementalSync(spec.cursorField, spec.flags), spec_(std::move(spec)), config_(std::move(config)) {
  inputFormats_ = spec_.cursorDatetimeFormats;
  inputFormats_.push_back(spec_.datetimeFormat);
}

std::unique_ptr<PartitionCursor> DatetimeBasedCursor::open(ReadContext& read, const nlohmann::json& state,
                                                           std::chrono::seconds runtimeLookback) const {
  return std::make_unique<DatetimeWindowCursor>(*this, read, state, runtimeLookback);
}

RequestOptions DatetimeBasedCursor::requestOptions(const StreamSlice& slice) const {
  RequestOptions options;
  const auto& window = slice.merged();
  if (spec_.startTimeOption && !spec_.startTimeOption->isPath()) {
    if (auto it = window.find(spec_.partitionFieldStart); it != window.end()) spec_.startTimeOption->inject(options, *it);
  }
  if (spec_.endTimeOption && !spec_.endTimeOption->isPath()) {
    if (auto it = window.find(spec_.partitionFieldEnd); it != window.end()) spec_.endTimeOption->inject(options, *it);
  }
  return options;
}

std::optional<nlohmann::json> DatetimeBasedCursor::stateValueOf(const nlohmann::json& record) const {
  if (!record.is_object()) return std::nullopt;
  auto it = record.find(cursorField());
  if (it == record.end() || it->is_null()) return std::nullopt;
  auto micros = parse(*it);
  if (!micros) return std::nullopt;
  return nlohmann::json(format(*micros));
}

std::optional<std::int64_t> DatetimeBasedCursor::parse(const nlohmann::json& value) const {
  if (!value.is_string() && !value.is_number()) return std::nullopt;
  const std::string text = value.is_string() ? value.get<std::string>() : pythonStr(value);
  for (const auto& format : inputFormats_) {
    try {
      return interpolation::parseWithDatetimeFormat(text, format).micros;
    } catch (const interpolation::EvalException&) {
    }
  }
  return std::nullopt;
}

std::string DatetimeBasedCursor::format(std::int64_t micros) const {
  return interpolation::formatWithDatetimeFormat(DateTime{micros, 0, true}, spec_.datetimeFormat);
}

std::int64_t DatetimeBasedCursor::startMicros() const { return evalDatetime(spec_.start, "start_datetime"); }

std::int64_t DatetimeBasedCursor::endMicros() const {
  return spec_.end ? evalDatetime(*spec_.end, "end_datetime") : nowMicros();
}

std::int64_t DatetimeBasedCursor::evalDatetime(const MinMaxDatetime& value, std::string_view what) const {
  interpolation::Context context;
  context.borrow("config", *config_).borrow("parameters", value.parameters);
  const std::string& format = value.datetimeFormat.empty() ? spec_.datetimeFormat : value.datetimeFormat;
  auto parseText = [&](const std::string& text, std::string_view field) {
    try {
      return interpolation::parseWithDatetimeFormat(text, format).micros;
    } catch (const interpolation::EvalException& e) {
      throw ReadError("the " + std::string(field) + " '" + text + "' does not match the format '" + format + "': " + e.what(),
                      protocol::FailureType::ConfigError);
    }
  };
  std::int64_t micros = parseText(evalTextOrThrow(value.datetime, context, what), what);
  if (value.minDatetime) {
    const std::string text = evalTextOrThrow(*value.minDatetime, context, "min_datetime");
    if (!text.empty()) micros = std::max(micros, parseText(text, "min_datetime"));
  }
  if (value.maxDatetime) {
    const std::string text = evalTextOrThrow(*value.maxDatetime, context, "max_datetime");
    if (!text.empty()) micros = std::min(micros, parseText(text, "max_datetime"));
  }
  return micros;
}

}  // namespace manifold::engine
