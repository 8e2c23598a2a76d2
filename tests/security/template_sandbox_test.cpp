// Rule "Templates": known Jinja sandbox-escape payloads and resource exhaustion attempts all
// end cleanly: an error or an inert value, never Python internals, files or a hang.
#include "core/interpolation/jinja_interpolation.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace manifold::interpolation {
namespace {

struct Payload {
  const char* what;
  const char* text;
};

// Payloads from public write-ups of Jinja2 server-side template injection.
const Payload kEscapes[] = {
    {"class walk", "{{ ''.__class__.__mro__[1].__subclasses__() }}"},
    {"class of config", "{{ config.__class__.__init__.__globals__ }}"},
    {"self globals", "{{ self.__init__.__globals__.__builtins__ }}"},
    {"cycler os", "{{ cycler.__init__.__globals__.os.popen('id').read() }}"},
    {"joiner os", "{{ joiner.__init__.__globals__.os.popen('id').read() }}"},
    {"namespace os", "{{ namespace.__init__.__globals__.os.popen('id').read() }}"},
    {"lipsum os", "{{ lipsum.__globals__['os'].popen('id').read() }}"},
    {"attr filter", "{{ ''|attr('__class__')|attr('__mro__') }}"},
    {"request app", "{{ request.application.__globals__.__builtins__.open('/etc/passwd').read() }}"},
    {"subclasses loop", "{% for c in ().__class__.__base__.__subclasses__() %}{{ c }}{% endfor %}"},
    {"include file", "{% include '/etc/passwd' %}"},
    {"import module", "{% import 'os' as os %}{{ os }}"},
    {"open builtin", "{{ open('/etc/passwd').read() }}"},
    {"env lookup", "{{ environ['HOME'] }}"},
    {"getattr string", "{{ config['__class__'] }}"},
    {"format attribute", "{{ '{0.__class__}'.format(config) }}"},
    {"dunder method", "{{ config.__getitem__('api_key') }}"},
};

TEST(TemplateSandbox, EscapePayloadsNeitherReachInternalsNorLeakFiles) {
  Context context;
  const nlohmann::json config = {{"api_key", "key-s3cr3t"}};
  context.borrow("config", config);
  for (const auto& payload : kEscapes) {
    SCOPED_TRACE(payload.what);
    const auto result = evaluate(payload.text, context);
    if (!result.ok()) continue;  // an error is a clean end
    const std::string shown = result.value().dump();
    EXPECT_EQ(shown.find("root:"), std::string::npos) << shown;
    EXPECT_EQ(shown.find("<class"), std::string::npos) << shown;
    EXPECT_EQ(shown.find("uid="), std::string::npos) << shown;
    EXPECT_EQ(shown.find("/home"), std::string::npos) << shown;
    EXPECT_EQ(shown.find("key-s3cr3t"), std::string::npos) << "reached the secret through " << payload.text;
  }
}

TEST(TemplateSandbox, ResourceExhaustionEndsWithALimitError) {
  Context context;
  EvalOptions options;
  options.render.limits.maxEvaluationTime = std::chrono::milliseconds(500);
  const std::vector<std::string> attempts = {
      "{{ 'a' * 10**10 }}",
      "{{ [1] * 10**9 }}",
      "{{ 10**10**10 }}",
      "{{ ('a' * 100000) * 100000 }}",
      // Each step is small; together they would run for minutes without the time bound.
      "{% for c in 'a' * 100000 %}{% set x = 'b' * 4000000 %}{% endfor %}done",
      "{% for a in 'x' * 1000 %}{% for b in 'y' * 1000 %}{% endfor %}{% endfor %}",
      "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}",
      "{{ " + std::string(5000, '(') + "1" + std::string(5000, ')') + " }}",
  };
  for (const auto& text : attempts) {
    SCOPED_TRACE(text.substr(0, 80));
    const auto result = evaluate(text, context, options);
    ASSERT_FALSE(result.ok()) << result.value().dump().substr(0, 80);
    EXPECT_FALSE(result.error().message.empty());
  }
}

}  // namespace
}  // namespace manifold::interpolation
