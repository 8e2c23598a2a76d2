// PartitionCursor: the cursor of one partition during one read (the reference's ConcurrentCursor):
// the date windows to read from its state, the records it has seen, and the state it writes.
#pragma once

#include <nlohmann/json.hpp>

#include <functional>

namespace manifold::engine {

class PartitionCursor {
 public:
  virtual ~PartitionCursor() = default;
  // The cursor slices to read, in order; stops when `onSlice` returns false.
  virtual bool forEachSlice(const std::function<bool(const nlohmann::json& cursorSlice)>& onSlice) = 0;
  // A record of the slice being read. Slices are read one at a time.
  virtual void observe(const nlohmann::json& record) = 0;
  // The slice was read completely: its window counts as synced.
  virtual void close(const nlohmann::json& cursorSlice) = 0;
  // Whether a record falls inside the window this sync covers (client-side filtering, data feeds).
  virtual bool shouldBeSynced(const nlohmann::json& record) = 0;
  // The state as the reference writes it, e.g. {"updated_at": "2024-01-02"}.
  virtual nlohmann::json state() const = 0;
};

}  // namespace manifold::engine
