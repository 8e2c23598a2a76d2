// JwtAuthenticator against a local API that verifies each token with OpenSSL: HMAC and RSA (plus
// RSA-PSS, ECDSA and EdDSA) signatures, the JOSE header, the claims with iat/nbf/exp, the prefix
// and where the token goes.
#include "tests/core/engine/engine_test_support.h"
#include "tests/support/local_http_server.h"

#include "core/interpolation/encoding.h"

#include <gtest/gtest.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#include <chrono>
#include <memory>
#include <mutex>

namespace manifold::engine {
namespace {

using namespace manifold::engine::testing;
using manifold::testing::LocalHttpServer;

struct PkeyFree {
  void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;

std::string base64UrlDecode(std::string text) {
  for (char& c : text) {
    if (c == '-') c = '+';
    else if (c == '_') c = '/';
  }
  while (text.size() % 4 != 0) text += '=';
  return interpolation::base64Decode(text);
}

std::string privatePem(EVP_PKEY* key) {
  BIO* bio = BIO_new(BIO_s_mem());
  PEM_write_bio_PrivateKey(bio, key, nullptr, nullptr, 0, nullptr, nullptr);
  char* data = nullptr;
  const long size = BIO_get_mem_data(bio, &data);
  std::string pem(data, static_cast<std::size_t>(size));
  BIO_free(bio);
  return pem;
}

Pkey makeKey(const std::string& algorithm) {
  if (algorithm.rfind("RS", 0) == 0 || algorithm.rfind("PS", 0) == 0) return Pkey(EVP_RSA_gen(2048));
  if (algorithm == "EdDSA") return Pkey(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"));
  const char* curve = algorithm == "ES384" ? "P-384" : algorithm == "ES512" ? "P-521" : "P-256";
  return Pkey(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", curve));
}

const EVP_MD* digestFor(const std::string& algorithm) {
  if (algorithm.find("384") != std::string::npos) return EVP_sha384();
  if (algorithm.find("512") != std::string::npos) return EVP_sha512();
  return EVP_sha256();
}

// ECDSA's r||s back to the DER OpenSSL verifies.
std::string rawToDer(const std::string& raw) {
  const std::size_t half = raw.size() / 2;
  const auto* bytes = reinterpret_cast<const unsigned char*>(raw.data());
  ECDSA_SIG* sig = ECDSA_SIG_new();
  ECDSA_SIG_set0(sig, BN_bin2bn(bytes, static_cast<int>(half), nullptr), BN_bin2bn(bytes + half, static_cast<int>(half), nullptr));
  unsigned char* der = nullptr;
  const int length = i2d_ECDSA_SIG(sig, &der);
  std::string out(reinterpret_cast<const char*>(der), static_cast<std::size_t>(length));
  OPENSSL_free(der);
  ECDSA_SIG_free(sig);
  return out;
}

bool verifyAsymmetric(const std::string& algorithm, EVP_PKEY* key, const std::string& input, std::string signature) {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  EVP_PKEY_CTX* pctx = nullptr;
  bool ok = EVP_DigestVerifyInit(ctx, &pctx, algorithm == "EdDSA" ? nullptr : digestFor(algorithm), nullptr, key) == 1;
  if (ok && algorithm.rfind("PS", 0) == 0) {
    ok = EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) == 1 &&
         EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST) == 1;
  }
  if (algorithm.rfind("ES", 0) == 0) signature = rawToDer(signature);
  ok = ok && EVP_DigestVerify(ctx, reinterpret_cast<const unsigned char*>(signature.data()), signature.size(),
                              reinterpret_cast<const unsigned char*>(input.data()), input.size()) == 1;
  EVP_MD_CTX_free(ctx);
  return ok;
}

struct SeenToken {
  nlohmann::json header;
  nlohmann::json payload;
  bool signatureValid = false;
  std::string raw;
};

// Verifies a compact JWS with an HMAC secret or the public half of `key`.
SeenToken inspect(const std::string& token, const std::string& hmacSecret, EVP_PKEY* key) {
  SeenToken seen;
  seen.raw = token;
  const auto first = token.find('.');
  const auto second = token.find('.', first + 1);
  if (first == std::string::npos || second == std::string::npos) return seen;
  seen.header = nlohmann::json::parse(base64UrlDecode(token.substr(0, first)), nullptr, false);
  seen.payload = nlohmann::json::parse(base64UrlDecode(token.substr(first + 1, second - first - 1)), nullptr, false);
  const std::string input = token.substr(0, second);
  const std::string signature = base64UrlDecode(token.substr(second + 1));
  const std::string algorithm = seen.header.value("alg", "");
  if (algorithm.rfind("HS", 0) == 0) {
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    HMAC(digestFor(algorithm), hmacSecret.data(), static_cast<int>(hmacSecret.size()),
         reinterpret_cast<const unsigned char*>(input.data()), input.size(), out, &length);
    seen.signatureValid = signature == std::string(reinterpret_cast<const char*>(out), length);
  } else if (key != nullptr) {
    seen.signatureValid = verifyAsymmetric(algorithm, key, input, signature);
  }
  return seen;
}

std::int64_t nowSeconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

class JwtTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.server().Get("/items", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(R"({"data": [{"id": 1}]})", "application/json");
    });
    server_.start();
  }

  CollectedRead readWith(const std::string& authenticator, const nlohmann::json& config) {
    source_ = buildSource(withBase(oneStreamManifest("        type: HttpRequester\n"
                                                     "        url_base: BASE\n"
                                                     "        path: /items\n"
                                                     "        authenticator:\n" + authenticator),
                                   server_.baseUrl()),
                          config);
    if (!source_) return {};
    return collect(*source_, "items");
  }

  std::string authorization() const { return server_.requests().empty() ? "" : server_.requests()[0].header("Authorization"); }

  LocalHttpServer server_;
  std::shared_ptr<const DeclarativeSource> source_;
};

TEST_F(JwtTest, Hs256WithEveryHeaderAndClaimIsSignedAsTheServerExpects) {
  const auto before = nowSeconds();
  auto read = readWith("          type: JwtAuthenticator\n"
                       "          secret_key: \"{{ config.secret }}\"\n"
                       "          algorithm: HS256\n"
                       "          token_duration: 3600\n"
                       "          header_prefix: Bearer\n"
                       "          jwt_headers: {kid: \"{{ config.kid }}\", typ: at+jwt, cty: JWT}\n"
                       "          additional_jwt_headers: {x5t: thumb}\n"
                       "          jwt_payload: {iss: \"{{ config.email }}\", sub: user-1, aud: https://api.example}\n"
                       "          additional_jwt_payload: {scope: read write, tenant: \"{{ config.tenant }}\"}\n",
                       {{"secret", "s3cr3t-hmac-key"}, {"kid", "key-7"}, {"email", "svc@example.com"}, {"tenant", "acme"}});
  const auto after = nowSeconds();
  ASSERT_TRUE(read.result.succeeded()) << read.result.failure->message;
  const std::string header = authorization();
  ASSERT_EQ(header.rfind("Bearer ", 0), 0u) << header;
  const auto seen = inspect(header.substr(7), "s3cr3t-hmac-key", nullptr);
  EXPECT_TRUE(seen.signatureValid) << seen.raw;
  EXPECT_EQ(seen.header, (nlohmann::json{{"alg", "HS256"}, {"typ", "at+jwt"}, {"kid", "key-7"}, {"cty", "JWT"}, {"x5t", "thumb"}}));
  EXPECT_EQ(seen.payload["iss"], "svc@example.com");
  EXPECT_EQ(seen.payload["sub"], "user-1");
  EXPECT_EQ(seen.payload["aud"], "https://api.example");
  EXPECT_EQ(seen.payload["scope"], "read write");
  EXPECT_EQ(seen.payload["tenant"], "acme");
  const auto iat = seen.payload["iat"].get<std::int64_t>();
  EXPECT_GE(iat, before);
  EXPECT_LE(iat, after);
  EXPECT_EQ(seen.payload["nbf"], iat);
  EXPECT_EQ(seen.payload["exp"], iat + 3600);
  // The header's keys are sorted, as PyJWT writes them.
  EXPECT_EQ(base64UrlDecode(seen.raw.substr(0, seen.raw.find('.'))),
            R"({"alg":"HS256","cty":"JWT","kid":"key-7","typ":"at+jwt","x5t":"thumb"})");
}

TEST_F(JwtTest, DefaultsAreTypJwtDurationOf1200AndNoPrefix) {
  auto read = readWith("          type: JwtAuthenticator\n"
                       "          secret_key: plain-key\n"
                       "          algorithm: HS512\n",
                       nlohmann::json::object());
  ASSERT_TRUE(read.result.succeeded()) << read.result.failure->message;
  const auto seen = inspect(authorization(), "plain-key", nullptr);
  EXPECT_TRUE(seen.signatureValid) << seen.raw;
  EXPECT_EQ(seen.header, (nlohmann::json{{"alg", "HS512"}, {"typ", "JWT"}}));
  EXPECT_EQ(seen.payload["exp"].get<std::int64_t>() - seen.payload["iat"].get<std::int64_t>(), 1200);
  EXPECT_FALSE(seen.payload.contains("iss"));
}

TEST_F(JwtTest, Base64EncodedSecretSignsWithTheEncodedText) {
  auto read = readWith("          type: JwtAuthenticator\n"
                       "          secret_key: raw-secret\n"
                       "          base64_encode_secret_key: true\n"
                       "          algorithm: HS384\n",
                       nlohmann::json::object());
  ASSERT_TRUE(read.result.succeeded()) << read.result.failure->message;
  EXPECT_TRUE(inspect(authorization(), interpolation::base64Encode("raw-secret"), nullptr).signatureValid);
  EXPECT_FALSE(inspect(authorization(), "raw-secret", nullptr).signatureValid);
}

TEST_F(JwtTest, TokenGoesWhereRequestOptionSays) {
  auto read = readWith("          type: JwtAuthenticator\n"
                       "          secret_key: k\n"
                       "          algorithm: HS256\n"
                       "          request_option: {type: RequestOption, inject_into: request_parameter, field_name: jwt}\n",
                       nlohmann::json::object());
  ASSERT_TRUE(read.result.succeeded()) << read.result.failure->message;
  ASSERT_EQ(server_.requestCount(), 1u);
  EXPECT_EQ(authorization(), "");
  EXPECT_TRUE(inspect(server_.requests()[0].param("jwt"), "k", nullptr).signatureValid);
}

class JwtAsymmetricTest : public JwtTest, public ::testing::WithParamInterface<const char*> {};

TEST_P(JwtAsymmetricTest, PrivateKeyFromConfigSignsATokenThePublicKeyVerifies) {
  const std::string algorithm = GetParam();
  const Pkey key = makeKey(algorithm);
  ASSERT_TRUE(key);
  auto read = readWith("          type: JwtAuthenticator\n"
                       "          secret_key: \"{{ config.private_key }}\"\n"
                       "          algorithm: " + algorithm + "\n"
                       "          jwt_payload: {iss: svc}\n",
                       {{"private_key", privatePem(key.get())}});
  ASSERT_TRUE(read.result.succeeded()) << read.result.failure->message;
  const auto seen = inspect(authorization(), "", key.get());
  EXPECT_TRUE(seen.signatureValid) << seen.raw;
  EXPECT_EQ(seen.header["alg"], algorithm);
  EXPECT_EQ(seen.payload["iss"], "svc");
  // Another key of the same kind does not verify it.
  const Pkey other = makeKey(algorithm);
  EXPECT_FALSE(inspect(authorization(), "", other.get()).signatureValid);
}

INSTANTIATE_TEST_SUITE_P(Algorithms, JwtAsymmetricTest,
                         ::testing::Values("RS256", "RS384", "RS512", "PS256", "ES256", "ES384", "ES512", "EdDSA"));

TEST_F(JwtTest, ServiceAccountJsonInAConfigStringThroughJsonLoads) {
  const Pkey key = makeKey("RS256");
  const nlohmann::json account{{"private_key", privatePem(key.get())}, {"client_email", "bot@project.iam"}};
  auto read = readWith("          type: JwtAuthenticator\n"
                       "          secret_key: \"{{ json_loads(config['service_account'])['private_key'] }}\"\n"
                       "          algorithm: RS256\n"
                       "          jwt_payload:\n"
                       "            iss: \"{{ json_loads(config['service_account'])['client_email'] }}\"\n",
                       {{"service_account", account.dump()}});
  ASSERT_TRUE(read.result.succeeded()) << read.result.failure->message;
  const auto seen = inspect(authorization(), "", key.get());
  EXPECT_TRUE(seen.signatureValid);
  EXPECT_EQ(seen.payload["iss"], "bot@project.iam");
}

TEST_F(JwtTest, ReservedAdditionalHeaderFailsClearly) {
  auto read = readWith("          type: JwtAuthenticator\n"
                       "          secret_key: k\n"
                       "          algorithm: HS256\n"
                       "          additional_jwt_headers: {kid: mine}\n",
                       nlohmann::json::object());
  ASSERT_TRUE(read.result.failure);
  EXPECT_NE(read.result.failure->message.find("Failed to sign token"), std::string::npos);
  EXPECT_NE(read.result.failure->message.find("reserved"), std::string::npos) << read.result.failure->message;
  EXPECT_EQ(server_.requestCount(), 0u);
}

TEST_F(JwtTest, RsaAlgorithmWithoutAPemKeyFailsClearly) {
  auto read = readWith("          type: JwtAuthenticator\n"
                       "          secret_key: not-a-key\n"
                       "          algorithm: RS256\n",
                       nlohmann::json::object());
  ASSERT_TRUE(read.result.failure);
  EXPECT_NE(read.result.failure->message.find("Failed to sign token: secret_key is not a PEM private key"), std::string::npos)
      << read.result.failure->message;
  EXPECT_EQ(read.result.failure->failureType, protocol::FailureType::ConfigError);
  EXPECT_EQ(server_.requestCount(), 0u);
}

TEST_F(JwtTest, EcKeyForAnRsaAlgorithmIsRefused) {
  const Pkey key = makeKey("ES256");
  auto read = readWith("          type: JwtAuthenticator\n"
                       "          secret_key: \"{{ config.private_key }}\"\n"
                       "          algorithm: RS256\n",
                       {{"private_key", privatePem(key.get())}});
  ASSERT_TRUE(read.result.failure);
  EXPECT_NE(read.result.failure->message.find("RS256 needs an RSA private key"), std::string::npos) << read.result.failure->message;
}

TEST(JwtBuild, UnknownAlgorithmIsABuildErrorNamingIt) {
  const std::string error = streamBuildError(oneStreamManifest("        type: HttpRequester\n"
                                                               "        url_base: http://127.0.0.1:1\n"
                                                               "        authenticator: {type: JwtAuthenticator, secret_key: k, algorithm: HS999}\n"),
                                             nlohmann::json::object());
  EXPECT_NE(error.find("'HS999'"), std::string::npos) << error;
  EXPECT_NE(error.find("algorithm"), std::string::npos) << error;
}

}  // namespace
}  // namespace manifold::engine
