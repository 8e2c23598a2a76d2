// The demo API's records: customers, their orders, events and invoices, generated from a fixed
// seed so every run (and every machine) serves byte-identical data.
#pragma once

#include "core/demo/iso_time.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <vector>

namespace manifold::demo {

class DemoData {
 public:
  static constexpr std::size_t kCustomerCount = 57;
  static constexpr std::size_t kEventCount = 230;
  static constexpr std::size_t kInvoiceCount = 240;

  // The shared, immutable data set (generated once, on first use).
  static const DemoData& instance();

  // Customers ordered by id (1..kCustomerCount).
  const std::vector<nlohmann::json>& customers() const { return customers_; }
  // Orders ordered by id; each carries its customer_id.
  const std::vector<nlohmann::json>& orders() const { return orders_; }
  // Events ordered by occurred_at, then id.
  const std::vector<nlohmann::json>& events() const { return events_; }
  // Invoices ordered by updated_at, then id, with the epoch seconds beside each for filtering.
  const std::vector<nlohmann::json>& invoices() const { return invoices_; }
  const std::vector<EpochSeconds>& invoiceUpdatedAt() const { return invoiceUpdatedAt_; }

  // Orders of one customer, in id order; empty for an unknown customer.
  std::vector<nlohmann::json> ordersOf(long long customerId) const;

 private:
  DemoData();

  std::vector<nlohmann::json> customers_;
  std::vector<nlohmann::json> orders_;
  std::vector<nlohmann::json> events_;
  std::vector<nlohmann::json> invoices_;
  std::vector<EpochSeconds> invoiceUpdatedAt_;
  std::vector<std::vector<std::size_t>> ordersByCustomer_;  // indexes into orders_
};

}  // namespace manifold::demo
