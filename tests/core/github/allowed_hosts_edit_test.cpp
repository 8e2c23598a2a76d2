// Adding hosts to metadata.yaml's allowedHosts as text: comments and other keys stay as written.
#include "core/github/allowed_hosts_edit.h"

#include "core/manifest/connector_metadata.h"

#include <gtest/gtest.h>

namespace manifold::github {
namespace {

std::vector<std::string> hostsOf(const std::string& text) {
  return manifest::allowedHostsFromMetadata(text).hosts.value_or(std::vector<std::string>{});
}

TEST(AddAllowedHosts, AppendsToABlockListKeepingCommentsAndTheRest) {
  const std::string text =
      "# the catalog's metadata\n"
      "data:\n"
      "  name: source-example  # keep me\n"
      "  allowedHosts:\n"
      "    hosts:\n"
      "      - api.example.com\n"
      "      - \"${subdomain}.example.com\"\n"
      "  connectorType: source\n"
      "origin:\n"
      "  catalog: bundled\n";
  const auto edited = addAllowedHosts(text, {"auth.example.com", "127.0.0.1"});
  ASSERT_TRUE(edited);
  EXPECT_EQ(*edited,
            "# the catalog's metadata\n"
            "data:\n"
            "  name: source-example  # keep me\n"
            "  allowedHosts:\n"
            "    hosts:\n"
            "      - api.example.com\n"
            "      - \"${subdomain}.example.com\"\n"
            "      - \"auth.example.com\"\n"
            "      - \"127.0.0.1\"\n"
            "  connectorType: source\n"
            "origin:\n"
            "  catalog: bundled\n");
}

TEST(AddAllowedHosts, ItemsAtTheKeysIndentAndFlowListsAndMissingKeys) {
  const auto sameIndent = addAllowedHosts("data:\n  allowedHosts:\n    hosts:\n    - a.example.com\n  name: x\n", {"b.example.com"});
  ASSERT_TRUE(sameIndent);
  EXPECT_EQ(*sameIndent, "data:\n  allowedHosts:\n    hosts:\n    - a.example.com\n    - \"b.example.com\"\n  name: x\n");

  const auto flow = addAllowedHosts("data:\n  allowedHosts:\n    hosts: [a.example.com]\n  name: x\n", {"b.example.com"});
  ASSERT_TRUE(flow);
  EXPECT_EQ(hostsOf(*flow), (std::vector<std::string>{"a.example.com", "b.example.com"}));
  EXPECT_NE(flow->find("  name: x\n"), std::string::npos);

  const auto empty = addAllowedHosts("data:\n  allowedHosts:\n    hosts: []\n", {"b.example.com"});
  ASSERT_TRUE(empty);
  EXPECT_EQ(*empty, "data:\n  allowedHosts:\n    hosts:\n      - \"b.example.com\"\n");

  const auto none = addAllowedHosts("data:\n    name: x\n    connectorType: source\norigin:\n  catalog: bundled\n", {"a.example.com"});
  ASSERT_TRUE(none);
  EXPECT_EQ(*none,
            "data:\n    name: x\n    connectorType: source\n    allowedHosts:\n      hosts:\n        - \"a.example.com\"\n"
            "origin:\n  catalog: bundled\n");

  const auto noData = addAllowedHosts("metadataSpecVersion: \"1.0\"\n", {"a.example.com"});
  ASSERT_TRUE(noData);
  EXPECT_EQ(hostsOf(*noData), std::vector<std::string>{"a.example.com"});
  EXPECT_EQ(hostsOf(*addAllowedHosts("", {"a.example.com"})), std::vector<std::string>{"a.example.com"});
}

TEST(AddAllowedHosts, LayoutsItDoesNotHandleAreLeftToTheUser) {
  EXPECT_FALSE(addAllowedHosts("data: {name: x}\n", {"a.example.com"}));
  EXPECT_FALSE(addAllowedHosts("data:\n\tname: x\n", {"a.example.com"}));
  EXPECT_FALSE(addAllowedHosts("data:\n  allowedHosts: 5\n", {"a.example.com"}));
  EXPECT_EQ(*addAllowedHosts("data:\n  name: x\n", {}), "data:\n  name: x\n");
}

}  // namespace
}  // namespace manifold::github
