// DatetimeBasedCursor: date windows from start (or state minus lookback) to end in steps, the
// window bounds injected into requests, and the state as the greatest record cursor value
// (REFERENCE-NOTES 9.1–9.7).
#pragma once

#include "core/engine/cursor/incremental_sync.h"
#include "core/engine/request_option.h"
#include "core/engine/template_eval.h"
#include "core/interpolation/datetime.h"

#include <optional>
#include <string>
#include <vector>

namespace manifold::engine {

// MinMaxDatetime (or a plain string start_datetime/end_datetime): a template parsed with its
// datetime_format, clamped by min_datetime/max_datetime parsed with the same format.
struct MinMaxDatetime {
  interpolation::InterpolatedString datetime{""};
  std::string datetimeFormat;  // empty: the cursor's datetime_format
  std::optional<interpolation::InterpolatedString> minDatetime;
  std::optional<interpolation::InterpolatedString> maxDatetime;
  nlohmann::json parameters = nlohmann::json::object();
};

class DatetimeBasedCursor final : public IncrementalSync {
 public:
  struct Spec {
    std::string cursorField;
    std::string datetimeFormat;
    std::vector<std::string> cursorDatetimeFormats;  // tried before datetime_format when parsing
    MinMaxDatetime start;
    std::optional<MinMaxDatetime> end;  // none: now
    std::optional<interpolation::Duration> step;         // none: one window
    std::optional<interpolation::Duration> granularity;  // set with step
    std::optional<interpolation::Duration> lookback;
    std::optional<RequestOption> startTimeOption;
    std::optional<RequestOption> endTimeOption;
    std::string partitionFieldStart = "start_time";
    std::string partitionFieldEnd = "end_time";
    Flags flags;
  };

  DatetimeBasedCursor(Spec spec, SharedConfig config);

  std::unique_ptr<PartitionCursor> open(ReadContext& read, const nlohmann::json& state,
                                        std::chrono::seconds runtimeLookback) const override;
  RequestOptions requestOptions(const StreamSlice& slice) const override;
  std::optional<nlohmann::json> stateValueOf(const nlohmann::json& record) const override;

  // Microseconds since the epoch of a cursor value, trying cursor_datetime_formats then
  // datetime_format; nullopt when none matches.
  std::optional<std::int64_t> parse(const nlohmann::json& value) const;
  std::string format(std::int64_t micros) const;
  const Spec& spec() const { return spec_; }
  // start_datetime / end_datetime evaluated now (end: now when absent). Throw ReadError.
  std::int64_t startMicros() const;
  std::int64_t endMicros() const;

 private:
  std::int64_t evalDatetime(const MinMaxDatetime& value, std::string_view what) const;

  Spec spec_;
  SharedConfig config_;
  std::vector<std::string> inputFormats_;
};

}  // namespace manifold::engine
