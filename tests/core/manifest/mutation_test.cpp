// Mutation tests: break copies of real corpus manifests one way at a time and check that the
// validator reports an error on the line of the break, with a message that says what is wrong.
#include "core/manifest/manifest_loader.h"
#include "tests/support/shared_corpus.h"

#include <gtest/gtest.h>

#include <functional>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace manifold::manifest {
namespace {

struct Line {
  std::size_t number;  // 1-based
  std::string text;
};

std::vector<std::string> splitLines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string joinLines(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

// Manifests without custom components, so that any error comes from the mutation.
std::vector<std::string> declarativeManifests(std::size_t limit) {
  std::vector<std::string> texts;
  for (const auto& path : testing::corpusManifests()) {
    std::string text = testing::readFile(path);
    if (text.find("class_name") != std::string::npos || text.find('\t') != std::string::npos) continue;
    texts.push_back(std::move(text));
    if (texts.size() == limit) break;
  }
  return texts;
}

// Whether the original manifest is clean, so a mutation's errors are its own.
bool hasNoErrors(const std::string& text) { return !hasErrors(loadManifest(text).diagnostics); }

// Applies `mutate` to the first line it accepts (it returns the changed line or "") in each
// of a sample of corpus manifests, and checks an error appears on that line whose message
// contains `expected`. Mutations inside `definitions` are skipped when nothing uses them.
using ExpectedLine = std::function<std::size_t(const std::vector<std::string>& lines, std::size_t index)>;

std::size_t sameLine(const std::vector<std::string>&, std::size_t index) { return index + 1; }

std::size_t indentOf(const std::string& line) { return line.find_first_not_of(' '); }

// The line of the mapping that holds line `index`: the nearest line above that is indented
// less (for a list item "- key: v" the item's own line counts).
std::size_t parentLine(const std::vector<std::string>& lines, std::size_t index) {
  const std::size_t indent = indentOf(lines[index]);
  for (std::size_t i = index; i-- > 0;) {
    const std::size_t other = indentOf(lines[i]);
    if (other == std::string::npos || lines[i][other] == '#') continue;
    if (other < indent) return i + 1;
  }
  return 1;
}

void runMutation(const std::string& name, const std::regex& pattern,
                 const std::function<std::string(const std::smatch&)>& replacement, const std::string& expected,
                 const ExpectedLine& expectedLine = sameLine, std::size_t wanted = 10) {
  const auto manifests = declarativeManifests(60);
  if (manifests.empty()) GTEST_SKIP() << testing::corpusMissingReason();
  std::size_t tried = 0;
  for (const auto& original : manifests) {
    if (tried == wanted) break;
    auto lines = splitLines(original);
    bool done = false;
    for (std::size_t i = 0; i < lines.size() && !done; ++i) {
      std::smatch match;
      if (!std::regex_match(lines[i], match, pattern)) continue;
      auto mutated = lines;
      mutated[i] = replacement(match);
      const auto loaded = loadManifest(joinLines(mutated));
      bool found = false;
      std::string seen;
      for (const auto& d : loaded.diagnostics) {
        if (d.severity != Severity::Error) continue;
        seen += std::to_string(d.line) + ": " + d.message + "\n";
        if (d.line == static_cast<int>(expectedLine(lines, i)) && d.message.find(expected) != std::string::npos) {
          found = true;
        }
      }
      // A definition no stream uses is never validated, as in the reference; try the next match.
      if (seen.empty()) continue;
      ++tried;
      done = true;
      EXPECT_TRUE(found) << name << ": line " << (i + 1) << " '" << mutated[i] << "' should give '" << expected
                         << "' on line " << expectedLine(lines, i)
                         << "', got:\n"
                         << seen;
    }
  }
  EXPECT_GE(tried, std::min<std::size_t>(wanted, 3)) << name << " found too few places to mutate";
}

TEST(ManifestMutation, SampleIsCleanBeforeMutation) {
  const auto manifests = declarativeManifests(60);
  if (manifests.empty()) GTEST_SKIP() << testing::corpusMissingReason();
  for (const auto& text : manifests) EXPECT_TRUE(hasNoErrors(text));
}

TEST(ManifestMutation, MisspelledTypeIsReportedWithASuggestion) {
  runMutation("misspelled type", std::regex(R"(^(\s*(?:- )?type: )(DpathExtractor|RecordSelector|HttpRequester)\s*$)"),
              [](const std::smatch& m) {
                std::string type = m[2];
                std::swap(type[1], type[2]);
                return m[1].str() + type;
              },
              "did you mean");
}

TEST(ManifestMutation, DroppedRequiredFieldIsReportedAtItsComponent) {
  // inject_into is required in RequestOption; a comment in its place keeps line numbers.
  runMutation("dropped required field", std::regex(R"(^(\s*)inject_into: (request_parameter|header|body_json)\s*$)"),
              [](const std::smatch& m) { return m[1].str() + "# dropped"; },
              "is missing the required field 'inject_into'", parentLine);
}

TEST(ManifestMutation, ListWhereAStringBelongsIsReported) {
  runMutation("list for a string", std::regex(R"(^(\s*url_base: )([^>|].*)$)"),
              [](const std::smatch& m) { return m[1].str() + "[https://a.example.com, https://b.example.com]"; },
              "must be a string, not a list");
}

TEST(ManifestMutation, InvalidEnumValueIsReported) {
  runMutation("invalid enum", std::regex(R"(^(\s*inject_into: )(request_parameter|header)\s*$)"),
              [](const std::smatch& m) { return m[1].str() + m[2].str() + "s"; }, "is not a valid value for 'inject_into'");
}

TEST(ManifestMutation, UnclosedTemplateIsReported) {
  runMutation("unclosed template", std::regex(R"RE(^(\s*(?:api_token|url_base|path): )"(\{\{[^}]*)\}\}(.*)"\s*$)RE"),
              [](const std::smatch& m) { return m[1].str() + "\"" + m[2].str() + m[3].str() + "\""; },
              "template does not parse");
}

}  // namespace
}  // namespace manifold::manifest
