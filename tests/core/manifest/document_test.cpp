// Document: YAML → JSON with positions, and clear failures on bad input.
#include "core/manifest/document.h"

#include <gtest/gtest.h>

#include <string>

namespace manifold::manifest {
namespace {

const Diagnostic* firstError(const Document& doc) {
  for (const auto& d : doc.diagnostics()) {
    if (d.severity == Severity::Error) return &d;
  }
  return nullptr;
}

TEST(Document, MapsEveryPointerToItsLineAndColumn) {
  const auto doc = Document::parse(
      "version: 6.0.0\n"
      "streams:\n"
      "  - name: users\n"
      "    retriever:\n"
      "      type: SimpleRetriever\n"
      "check:\n"
      "  stream_names: [users]\n");
  ASSERT_TRUE(doc.loaded());
  EXPECT_TRUE(doc.diagnostics().empty());
  const SourceEntry* name = doc.sourceMap().find("/streams/0/name");
  ASSERT_NE(name, nullptr);
  EXPECT_EQ(name->keyBegin, (SourcePosition{3, 5}));
  EXPECT_EQ(name->keyEnd, (SourcePosition{3, 9}));
  EXPECT_EQ(name->value, (SourcePosition{3, 11}));
  EXPECT_EQ(doc.locate("/streams/0/retriever/type"), (SourcePosition{5, 7}));
  EXPECT_EQ(doc.locate("/check/stream_names/0"), (SourcePosition{7, 18}));
  // A pointer below a scalar falls back to the nearest written ancestor.
  EXPECT_EQ(doc.locate("/version/nothing"), (SourcePosition{1, 1}));
}

TEST(Document, KeepsKeyOrderAsWritten) {
  const auto doc = Document::parse("zeta: 1\nalpha: 2\nmid: 3\n");
  ASSERT_TRUE(doc.loaded());
  std::string order;
  for (const auto& [key, value] : doc.root().items()) order += key + ",";
  EXPECT_EQ(order, "zeta,alpha,mid,");
}

TEST(Document, TypesPlainScalarsLikePyYaml) {
  const auto doc = Document::parse(
      "a: 12\nb: 1.5\nc: true\nd: yes\ne: off\nf: ~\ng: '12'\nh: 1e3\ni: 0x1F\nj: 017\nk: 2024-01-02\nl:\n"
      "m: 1_000\nn: \"true\"\no: -7\n");
  ASSERT_TRUE(doc.loaded());
  const Json& r = doc.root();
  EXPECT_EQ(r["a"], 12);
  EXPECT_DOUBLE_EQ(r["b"].get<double>(), 1.5);
  EXPECT_EQ(r["c"], true);
  EXPECT_EQ(r["d"], true);
  EXPECT_EQ(r["e"], false);
  EXPECT_TRUE(r["f"].is_null());
  EXPECT_EQ(r["g"], "12");
  EXPECT_EQ(r["h"], "1e3");
  EXPECT_EQ(r["i"], 31);
  EXPECT_EQ(r["j"], 15);
  EXPECT_EQ(r["k"], "2024-01-02");
  EXPECT_TRUE(r["l"].is_null());
  EXPECT_EQ(r["m"], 1000);
  EXPECT_EQ(r["n"], "true");
  EXPECT_EQ(r["o"], -7);
}

TEST(Document, ReadsMultiLineStrings) {
  const auto doc = Document::parse("a: |\n  line one\n  line two\nb: >-\n  folded\n  text\nc: after\n");
  ASSERT_TRUE(doc.loaded());
  EXPECT_EQ(doc.root()["a"], "line one\nline two\n");
  EXPECT_EQ(doc.root()["b"], "folded text");
  EXPECT_EQ(doc.locate("/c"), (SourcePosition{7, 1}));
}

TEST(Document, ExpandsAnchorsAndAliasesAndPointsAliasesAtTheirUse) {
  const auto doc = Document::parse(
      "base: &auth\n  type: BearerAuthenticator\n  api_token: x\n"
      "one:\n  authenticator: *auth\n"
      "merged:\n  <<: *auth\n  api_token: y\n");
  ASSERT_TRUE(doc.loaded()) << (doc.diagnostics().empty() ? "" : doc.diagnostics()[0].message);
  EXPECT_EQ(doc.root()["one"]["authenticator"]["type"], "BearerAuthenticator");
  EXPECT_EQ(doc.root()["merged"]["type"], "BearerAuthenticator");
  EXPECT_EQ(doc.root()["merged"]["api_token"], "y");
  EXPECT_EQ(doc.locate("/one/authenticator"), (SourcePosition{5, 3}));
  EXPECT_EQ(doc.locate("/one/authenticator/type"), (SourcePosition{5, 3}));
}

TEST(Document, StopsBillionLaughsWithAClearMessage) {
  std::string text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  char prev = 'a';
  for (char c = 'b'; c <= 'j'; ++c) {
    text += std::string(1, c) + ": &" + c + " [";
    for (int i = 0; i < 10; ++i) text += std::string(i ? ", *" : "*") + prev;
    text += "]\n";
    prev = c;
  }
  const auto doc = Document::parse(text);
  EXPECT_FALSE(doc.loaded());
  const Diagnostic* error = firstError(doc);
  ASSERT_NE(error, nullptr);
  EXPECT_NE(error->message.find("anchors and aliases"), std::string::npos) << error->message;
  EXPECT_GT(error->line, 1);
}

TEST(Document, ReportsDuplicateKeysAtTheSecondOneAndKeepsTheLast) {
  const auto doc = Document::parse("version: 1\nname: a\nname: b\n");
  ASSERT_TRUE(doc.loaded());
  const Diagnostic* error = firstError(doc);
  ASSERT_NE(error, nullptr);
  EXPECT_EQ(error->line, 3);
  EXPECT_EQ(error->column, 1);
  EXPECT_NE(error->message.find("duplicate key 'name'"), std::string::npos);
  EXPECT_NE(error->message.find("line 2"), std::string::npos);
  EXPECT_EQ(doc.root()["name"], "b");
}

TEST(Document, ExplainsTabIndentation) {
  const auto doc = Document::parse("version: 1\nstreams:\n\t- name: a\n");
  EXPECT_FALSE(doc.loaded());
  const Diagnostic* error = firstError(doc);
  ASSERT_NE(error, nullptr);
  EXPECT_EQ(error->line, 3);
  EXPECT_NE(error->message.find("tab"), std::string::npos) << error->message;
}

TEST(Document, AcceptsByteOrderMarkAndCrlf) {
  const auto doc = Document::parse("\xEF\xBB\xBFversion: 1\r\nname: a\r\nlist:\r\n  - x\r\n");
  ASSERT_TRUE(doc.loaded());
  EXPECT_TRUE(doc.diagnostics().empty());
  EXPECT_EQ(doc.root()["name"], "a");
  EXPECT_EQ(doc.root()["list"][0], "x");
  EXPECT_EQ(doc.locate("/version"), (SourcePosition{1, 1}));
  EXPECT_EQ(doc.locate("/list/0"), (SourcePosition{4, 5}));
}

TEST(Document, RejectsEmptyAndCommentOnlyFiles) {
  for (const char* text : {"", "   \n", "# only a comment\n"}) {
    const auto doc = Document::parse(text);
    EXPECT_FALSE(doc.loaded());
    const Diagnostic* error = firstError(doc);
    ASSERT_NE(error, nullptr);
    EXPECT_NE(error->message.find("empty"), std::string::npos);
    EXPECT_EQ(error->line, 1);
  }
}

TEST(Document, RejectsRootsThatAreNotMappings) {
  const auto list = Document::parse("- a\n- b\n");
  EXPECT_FALSE(list.loaded());
  ASSERT_NE(firstError(list), nullptr);
  EXPECT_NE(firstError(list)->message.find("a list"), std::string::npos);
  const auto scalar = Document::parse("just text\n");
  EXPECT_FALSE(scalar.loaded());
  EXPECT_NE(firstError(scalar)->message.find("a string"), std::string::npos);
}

TEST(Document, ReportsSyntaxErrorsWithPosition) {
  const auto doc = Document::parse("version: 1\nstreams: [a, b\ncheck: x\n");
  EXPECT_FALSE(doc.loaded());
  const Diagnostic* error = firstError(doc);
  ASSERT_NE(error, nullptr);
  EXPECT_NE(error->message.find("YAML syntax error"), std::string::npos);
  EXPECT_GE(error->line, 2);
}

TEST(Document, RejectsASecondDocument) {
  const auto doc = Document::parse("version: 1\n---\nother: 2\n");
  const Diagnostic* error = firstError(doc);
  ASSERT_NE(error, nullptr);
  EXPECT_NE(error->message.find("more than one YAML document"), std::string::npos);
}

TEST(Document, RejectsComplexKeysWithoutCrashing) {
  const auto doc = Document::parse("? [a, b]\n: value\n");
  EXPECT_FALSE(doc.loaded());
  ASSERT_NE(firstError(doc), nullptr);
}

TEST(Document, EscapesPointerTokens) {
  const auto doc = Document::parse("paths:\n  /users/{id}: 1\n  a~b: 2\n");
  ASSERT_TRUE(doc.loaded());
  EXPECT_EQ(doc.locate("/paths/~1users~1{id}"), (SourcePosition{2, 3}));
  EXPECT_EQ(doc.locate("/paths/a~0b"), (SourcePosition{3, 3}));
}

}  // namespace
}  // namespace manifold::manifest
