// RecordSelector: extract → filter → transform → schema normalization, the reference's order
// (REFERENCE-NOTES 5.3).
#pragma once

#include "core/engine/selection/dpath_extractor.h"
#include "core/engine/selection/record_filter.h"
#include "core/engine/selection/type_transformer.h"
#include "core/engine/transform/transformation.h"

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace manifold::engine {

class RecordSelector {
 public:
  RecordSelector(DpathExtractor extractor, std::optional<RecordFilter> filter,
                 std::vector<std::unique_ptr<RecordTransformation>> transformations, bool transformBeforeFiltering)
      : extractor_(std::move(extractor)),
        filter_(std::move(filter)),
        transformations_(std::move(transformations)),
        transformBeforeFiltering_(transformBeforeFiltering) {}

  // Appends the page's final records; returns the raw extracted count (before the filter),
  // which PageIncrement and OffsetIncrement use. `incrementalFilter` is the cursor's client-side
  // filter (ClientSideIncrementalRecordFilterDecorator), applied before the record filter.
  // `warn` receives schema normalization's warnings.
  std::size_t select(const std::vector<nlohmann::json>& bodies, const nlohmann::json& slice,
                     const nlohmann::json& nextPageToken, std::vector<nlohmann::json>& records,
                     const std::function<bool(const nlohmann::json&)>* incrementalFilter = nullptr,
                     const std::function<void(const std::string&)>& warn = {}) const;

  // schema_normalization: Default casts each record to the stream's schema, given once the
  // stream's schema loader is built.
  void enableSchemaNormalization() { normalizeBySchema_ = true; }
  bool normalizesBySchema() const { return normalizeBySchema_; }
  void setSchema(nlohmann::json schema) { normalizer_.emplace(std::move(schema)); }

 private:
  void transform(nlohmann::json& record, const nlohmann::json& slice) const;

  DpathExtractor extractor_;
  std::optional<RecordFilter> filter_;
  std::vector<std::unique_ptr<RecordTransformation>> transformations_;
  bool transformBeforeFiltering_ = false;
  bool normalizeBySchema_ = false;
  std::optional<TypeTransformer> normalizer_;
};

}  // namespace manifold::engine
