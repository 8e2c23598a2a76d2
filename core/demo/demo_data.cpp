// The demo API's records, generated from a fixed seed so every run serves identical data.
#include "core/demo/demo_data.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <string>

namespace manifold::demo {

namespace {

// splitmix64: tiny, and unlike std:: distributions it gives the same numbers on every
// standard library, which keeps the demo data identical across platforms.
class SeededRandom {
 public:
  explicit SeededRandom(std::uint64_t seed) : state_(seed) {}

  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }

  // Uniform enough in [0, bound) for demo data.
  std::int64_t below(std::int64_t bound) { return static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(bound)); }

  template <class T, std::size_t N>
  const T& pick(const std::array<T, N>& items) {
    return items[static_cast<std::size_t>(below(static_cast<std::int64_t>(N)))];
  }

 private:
  std::uint64_t state_;
};

constexpr std::uint64_t kSeed = 0x4D414E49464F4C44ULL;  // "MANIFOLD"
constexpr EpochSeconds kDay = 86400;

constexpr std::array<const char*, 16> kFirstNames{
    "Ada",  "Grace", "Alan",   "Edsger", "Barbara", "Donald", "Frances", "Ken",
    "Radia", "Linus", "Margaret", "Niklaus", "Hedy", "Tim", "Sophie", "John"};
constexpr std::array<const char*, 16> kLastNames{
    "Lovelace", "Hopper", "Turing",  "Dijkstra", "Liskov",   "Knuth",  "Allen",    "Thompson",
    "Perlman",  "Torvalds", "Hamilton", "Wirth", "Lamarr", "Berners", "Wilson", "Backus"};
constexpr std::array<const char*, 8> kCountries{"DE", "FR", "US", "GB", "JP", "BR", "IN", "NL"};
constexpr std::array<const char*, 3> kPlans{"free", "pro", "enterprise"};
constexpr std::array<const char*, 4> kOrderStatuses{"pending", "paid", "shipped", "refunded"};
constexpr std::array<const char*, 3> kCurrencies{"EUR", "USD", "GBP"};
constexpr std::array<const char*, 6> kEventTypes{"customer.created", "customer.updated", "order.created",
                                                 "order.paid",       "invoice.sent",     "login"};
constexpr std::array<const char*, 3> kInvoiceStatuses{"open", "paid", "void"};

std::string lowerAscii(std::string text) {
  for (auto& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

std::string padded(const char* prefix, std::size_t number, int width) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%s%0*zu", prefix, width, number);
  return buffer;
}

}  // namespace

const DemoData& DemoData::instance() {
  static const DemoData data;
  return data;
}

DemoData::DemoData() {
  SeededRandom random(kSeed);
  const EpochSeconds start = daysFromCivil(2024, 1, 1) * kDay;

  ordersByCustomer_.resize(kCustomerCount + 1);
  for (std::size_t id = 1; id <= kCustomerCount; ++id) {
    const std::string first = random.pick(kFirstNames);
    const std::string last = random.pick(kLastNames);
    const EpochSeconds created = start + random.below(180 * kDay);
    const EpochSeconds updated = created + random.below(150 * kDay);
    customers_.push_back({{"id", id},
                          {"name", first + " " + last},
                          {"email", lowerAscii(first + "." + last) + std::to_string(id) + "@example.com"},
                          {"country", random.pick(kCountries)},
                          {"plan", random.pick(kPlans)},
                          {"created_at", formatIsoTime(created)},
                          {"updated_at", formatIsoTime(updated)}});

    // 0 to 5 orders each: some customers have none, which a substream must cope with.
    const std::int64_t orderCount = random.below(6);
    EpochSeconds orderTime = created;
    for (std::int64_t n = 0; n < orderCount; ++n) {
      orderTime += 3600 + random.below(20 * kDay);
      const std::size_t orderId = orders_.size() + 1;
      const std::int64_t items = 1 + random.below(4);
      orders_.push_back({{"id", orderId},
                         {"customer_id", id},
                         {"number", padded("ORD-", orderId, 5)},
                         {"status", random.pick(kOrderStatuses)},
                         {"currency", random.pick(kCurrencies)},
                         {"item_count", items},
                         {"total_cents", items * (500 + random.below(9500))},
                         {"created_at", formatIsoTime(orderTime)},
                         {"updated_at", formatIsoTime(orderTime + random.below(5 * kDay))}});
      ordersByCustomer_[id].push_back(orders_.size() - 1);
    }
  }

  // Events: spread over 2024, then sorted by time so cursor pages read in time order.
  struct TimedEvent {
    EpochSeconds at;
    nlohmann::json body;
  };
  std::vector<TimedEvent> events;
  for (std::size_t n = 1; n <= kEventCount; ++n) {
    const EpochSeconds at = start + random.below(365 * kDay);
    const auto customerId = 1 + random.below(static_cast<std::int64_t>(kCustomerCount));
    events.push_back({at,
                      {{"id", padded("evt_", n, 6)},
                       {"type", random.pick(kEventTypes)},
                       {"customer_id", customerId},
                       {"occurred_at", formatIsoTime(at)}}});
  }
  std::stable_sort(events.begin(), events.end(),
                   [](const TimedEvent& a, const TimedEvent& b) { return a.at < b.at; });
  for (auto& e : events) events_.push_back(std::move(e.body));

  // Invoices: the incremental resource, updated at distinct times across 2024.
  struct TimedInvoice {
    EpochSeconds updated;
    nlohmann::json body;
  };
  std::vector<TimedInvoice> invoices;
  for (std::size_t n = 1; n <= kInvoiceCount; ++n) {
    const EpochSeconds issued = start + random.below(330 * kDay);
    const EpochSeconds updated = issued + random.below(30 * kDay);
    const auto customerId = 1 + random.below(static_cast<std::int64_t>(kCustomerCount));
    invoices.push_back({updated,
                        {{"id", padded("inv_", n, 5)},
                         {"customer_id", customerId},
                         {"amount_cents", 1000 + random.below(99000)},
                         {"currency", random.pick(kCurrencies)},
                         {"status", random.pick(kInvoiceStatuses)},
                         {"issued_at", formatIsoTime(issued)},
                         {"updated_at", formatIsoTime(updated)}}});
  }
  std::stable_sort(invoices.begin(), invoices.end(),
                   [](const TimedInvoice& a, const TimedInvoice& b) { return a.updated < b.updated; });
  for (auto& i : invoices) {
    invoiceUpdatedAt_.push_back(i.updated);
    invoices_.push_back(std::move(i.body));
  }
}

std::vector<nlohmann::json> DemoData::ordersOf(long long customerId) const {
  std::vector<nlohmann::json> result;
  if (customerId < 1 || static_cast<std::size_t>(customerId) > kCustomerCount) return result;
  for (const std::size_t index : ordersByCustomer_[static_cast<std::size_t>(customerId)]) {
    result.push_back(orders_[index]);
  }
  return result;
}

}  // namespace manifold::demo
