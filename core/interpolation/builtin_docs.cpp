// What a template can use, with signatures and one-line docs: for the playground and completion.
#include "core/interpolation/builtin_docs.h"

#include <array>

namespace manifold::interpolation {

namespace {

constexpr std::array kVariables{
    BuiltinDoc{"config", "config", "The connector's config (the testing values)"},
    BuiltinDoc{"parameters", "parameters", "The $parameters of the component"},
    BuiltinDoc{"response", "response", "The decoded body of the last response"},
    BuiltinDoc{"headers", "headers", "The headers of the last response"},
    BuiltinDoc{"record", "record", "The record being transformed or filtered"},
    BuiltinDoc{"last_record", "last_record", "The last record of the last page"},
    BuiltinDoc{"last_page_size", "last_page_size", "How many records the last page held"},
    BuiltinDoc{"next_page_token", "next_page_token", "The paginator's token for the next page"},
    BuiltinDoc{"stream_interval", "stream_interval", "The current slice's start_time and end_time"},
    BuiltinDoc{"stream_partition", "stream_partition", "The current partition (from a partition router)"},
    BuiltinDoc{"stream_slice", "stream_slice", "The current slice: interval and partition together"},
    BuiltinDoc{"stream_state", "stream_state", "The stream's state (deprecated: use stream_interval)"},
    BuiltinDoc{"creation_response", "creation_response", "The response of an async job's creation request"},
    BuiltinDoc{"polling_response", "polling_response", "The response of an async job's polling request"},
    BuiltinDoc{"download_target", "download_target", "The URL an async job's results are downloaded from"},
    BuiltinDoc{"components_values", "components_values", "Values passed between components"},
};

constexpr std::array kFieldOnlyVariables{
    BuiltinDoc{"property", "property", "The name of the field the condition is asked about"},
    BuiltinDoc{"raw_schema", "raw_schema", "The type the schema source gives for the field being mapped"},
    BuiltinDoc{"session_token", "session_token", "The token the session token login returned"},
    BuiltinDoc{"stream_template_config", "stream_template_config", "The dynamic stream's template entry"},
};

constexpr std::array kMacros{
    BuiltinDoc{"now_utc", "now_utc()", "The current date and time in UTC"},
    BuiltinDoc{"today_utc", "today_utc()", "Today's date in UTC"},
    BuiltinDoc{"today_with_timezone", "today_with_timezone(timezone)", "Today's date in an IANA time zone"},
    BuiltinDoc{"timestamp", "timestamp(datetime)", "Seconds since the epoch of a date-time string or number"},
    BuiltinDoc{"str_to_datetime", "str_to_datetime(text)", "A date-time string as a datetime (UTC when no zone)"},
    BuiltinDoc{"format_datetime", "format_datetime(dt, format, input_format=None)",
               "A datetime or date-time string in a strftime format"},
    BuiltinDoc{"day_delta", "day_delta(num_days, format='%Y-%m-%dT%H:%M:%S.%f%z')",
               "Now plus num_days days, formatted"},
    BuiltinDoc{"duration", "duration(iso8601)", "An ISO-8601 duration such as P1D as a timedelta"},
    BuiltinDoc{"max", "max(*args)", "The largest argument"},
    BuiltinDoc{"min", "min(*args)", "The smallest argument"},
    BuiltinDoc{"generate_uuid", "generate_uuid()", "A random UUID (version 4)"},
    BuiltinDoc{"sanitize_url", "sanitize_url(url)", "The URL with its path normalised"},
    BuiltinDoc{"camel_case_to_snake_case", "camel_case_to_snake_case(text)", "camelCase text as snake_case"},
};

constexpr std::array kFilters{
    BuiltinDoc{"hash", "hash(hash_type='md5', salt=None)", "The hex digest of the value (md5, sha1, sha256, …)"},
    BuiltinDoc{"base64encode", "base64encode", "The value encoded as base64"},
    BuiltinDoc{"base64decode", "base64decode", "Base64 text decoded"},
    BuiltinDoc{"string", "string", "The value as a string (JSON for lists and objects)"},
    BuiltinDoc{"regex_search", "regex_search(pattern)", "The first group of the first match, or None"},
    BuiltinDoc{"regex_replace", "regex_replace(pattern, replacement)", "Every match replaced"},
    BuiltinDoc{"hmac", "hmac(key, hash_type='sha256')", "The HMAC hex digest of the value"},
    BuiltinDoc{"default", "default(value)", "value when the subject is undefined"},
    BuiltinDoc{"length", "length", "The number of items or characters"},
    BuiltinDoc{"join", "join(separator='')", "The items joined into one string"},
    BuiltinDoc{"lower", "lower", "Lower-case text"},
    BuiltinDoc{"upper", "upper", "Upper-case text"},
    BuiltinDoc{"trim", "trim", "Text without surrounding whitespace"},
    BuiltinDoc{"replace", "replace(old, new)", "Text with every old replaced by new"},
    BuiltinDoc{"int", "int", "The value as an integer"},
    BuiltinDoc{"float", "float", "The value as a float"},
    BuiltinDoc{"first", "first", "The first item"},
    BuiltinDoc{"last", "last", "The last item"},
    BuiltinDoc{"map", "map(attribute=name)", "Each item's attribute"},
    BuiltinDoc{"tojson", "tojson", "The value as JSON text"},
    BuiltinDoc{"urlencode", "urlencode", "The value percent-encoded for a URL"},
};

}  // namespace

std::span<const BuiltinDoc> templateVariables() { return kVariables; }
std::span<const BuiltinDoc> fieldOnlyVariables() { return kFieldOnlyVariables; }
std::span<const BuiltinDoc> templateMacros() { return kMacros; }
std::span<const BuiltinDoc> templateFilters() { return kFilters; }

}  // namespace manifold::interpolation
