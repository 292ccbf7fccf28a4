#include "export/contribution/contribution_file.h"

#include <sodium.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>

#include "export/common/output_file.h"
#include "export/contribution/contribution_internal.h"
#include "forms/workspace.h"

namespace focal {

using json = nlohmann::json;

namespace {

constexpr std::string_view kDomain = "focal-contribution-v1\n";
constexpr const char* kFormat = "focal-contribution";

crypto::Digest signedDigest(std::string_view content) {
  crypto::Sha256 h;
  h.update(kDomain).update(content);
  return h.finish();
}

std::string base64(const std::vector<unsigned char>& data) {
  std::string out(sodium_base64_encoded_len(data.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), data.data(), data.size(), sodium_base64_VARIANT_ORIGINAL);
  out.pop_back();  // the terminating NUL
  return out;
}

std::optional<std::vector<unsigned char>> fromBase64(const std::string& text) {
  std::vector<unsigned char> out(text.size() / 4 * 3 + 3);
  std::size_t length = 0;
  if (sodium_base642bin(out.data(), out.size(), text.data(), text.size(), nullptr, &length, nullptr,
                        sodium_base64_VARIANT_ORIGINAL) != 0)
    return std::nullopt;
  out.resize(length);
  return out;
}

std::string contentJson(const Contribution& c) {
  json answers = json::array();
  std::vector<const ContributedAnswer*> sorted;
  for (const auto& a : c.answers) sorted.push_back(&a);
  std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->path < b->path; });
  for (const auto* a : sorted)
    answers.push_back(
        {{"path", a->path}, {"value", a->value}, {"changed_by", a->changedBy}, {"changed_at", a->changedAt}});
  json files = json::array();
  for (const auto& f : c.files)
    files.push_back({{"path", f.path},
                     {"name", f.name},
                     {"type", f.type},
                     {"sha256", sha256Hex(f.data)},
                     {"data", base64(f.data)}});
  json j = {{"request", c.requestId},
            {"agency", c.agency},
            {"person", c.person},
            {"state", c.state},
            {"questionnaire_id", c.questionnaireId},
            {"questionnaire_version", c.questionnaireVersion},
            {"questionnaire_sha256", c.questionnaireSha256},
            {"requested_by", c.requestedBy},
            {"requested_at", c.requestedAt},
            {"exported_at", c.exportedAt},
            {"focal_version", c.focalVersion},
            {"answers", answers},
            {"files", files}};
  if (c.sequence > 0) j["sequence"] = c.sequence;  // absent in files of earlier Focal versions
  return j.dump();
}

// A refusal while reading: the verdict stays Unreadable.
struct Unreadable {
  std::string reason;
};

class ContentReader {
 public:
  explicit ContentReader(const ContributionLimits& limits) : limits_(limits) {}

  Contribution read(const std::string& text) {
    json j = json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) throw Unreadable{tr("its content is not a contribution's")};
    Contribution c;
    c.requestId = field(j, "request");
    c.agency = field(j, "agency");
    c.person = field(j, "person");
    c.state = field(j, "state");
    c.questionnaireId = field(j, "questionnaire_id");
    c.questionnaireVersion = field(j, "questionnaire_version");
    c.questionnaireSha256 = field(j, "questionnaire_sha256");
    c.requestedBy = field(j, "requested_by");
    c.requestedAt = field(j, "requested_at");
    c.exportedAt = field(j, "exported_at");
    c.focalVersion = field(j, "focal_version");
    if (auto it = j.find("sequence"); it != j.end()) {
      if (!it->is_number_unsigned() || it->get<std::uint64_t>() < 1 ||
          it->get<std::uint64_t>() > (std::uint64_t{1} << 53))
        throw Unreadable{tr("'sequence' is not a whole number from 1")};
      c.sequence = static_cast<std::int64_t>(it->get<std::uint64_t>());
    }
    if (c.requestId.empty() || c.agency.empty() || c.state.empty() || c.questionnaireSha256.empty())
      throw Unreadable{tr("it names no request, agency, State or questionnaire")};
    const json& answers = list(j, "answers", limits_.maxAnswers);
    std::string previous;
    for (const auto& a : answers) {
      if (!a.is_object()) throw Unreadable{tr("an answer is not an object")};
      ContributedAnswer answer{field(a, "path"), field(a, "value"), field(a, "changed_by"),
                               field(a, "changed_at")};
      if (answer.path.empty() || answer.value.empty() || (!c.answers.empty() && answer.path <= previous))
        throw Unreadable{tr("its answers are empty, repeated or out of order")};
      previous = answer.path;
      c.answers.push_back(std::move(answer));
    }
    for (const auto& f : list(j, "files", limits_.maxFiles)) {
      if (!f.is_object()) throw Unreadable{tr("a file entry is not an object")};
      ContributedFile file{field(f, "path"), field(f, "name"), field(f, "type"), field(f, "sha256"), {}};
      const std::string data = field(f, "data", limits_.maxFileDataBytes / 3 * 4 + 8);
      auto bytes = fromBase64(data);
      if (!bytes) throw Unreadable{msg("the file for {} is not valid base64", file.path)};
      file.data = std::move(*bytes);
      if (sha256Hex(file.data) != file.sha256)
        throw Unreadable{msg("the file for {} does not match its SHA-256", file.path)};
      c.files.push_back(std::move(file));
    }
    return c;
  }

 private:
  std::string field(const json& j, const char* key, std::size_t max = 0) const {
    auto it = j.find(key);
    if (it == j.end() || !it->is_string()) throw Unreadable{msg("'{}' is missing or is not text", key)};
    const auto& text = it->get_ref<const std::string&>();
    if (text.size() > (max ? max : limits_.maxTextBytes)) throw Unreadable{msg("'{}' is too long", key)};
    if (!isValidUtf8(text) && !text.empty()) throw Unreadable{msg("'{}' is not valid UTF-8", key)};
    return text;
  }
  const json& list(const json& j, const char* key, std::size_t max) const {
    auto it = j.find(key);
    if (it == j.end() || !it->is_array()) throw Unreadable{msg("'{}' is missing or is not a list", key)};
    if (it->size() > max) throw Unreadable{msg("'{}' has more than {} entries", key, max)};
    return *it;
  }
  const ContributionLimits& limits_;
};

}  // namespace

std::map<std::string, std::string> Contribution::answerMap() const {
  std::map<std::string, std::string> out;
  for (const auto& a : answers) out.emplace(a.path, a.value);
  return out;
}

const ContributedAnswer* Contribution::answer(const std::string& path) const {
  for (const auto& a : answers)
    if (a.path == path) return &a;
  return nullptr;
}

const ContributedFile* Contribution::file(const std::string& path) const {
  for (const auto& f : files)
    if (f.path == path) return &f;
  return nullptr;
}

std::string contributionFileBytes(const Contribution& contribution, const SigningKey* key,
                                  const std::string& signedAt) {
  const std::string content = contentJson(contribution);
  json signature = nullptr;
  if (key) {
    const crypto::Digest digest = signedDigest(content);
    const crypto::Signature sig = key->sign(digest);
    signature = {{"algorithm", "ed25519"},
                 {"public_key", key->publicKeyHex()},
                 {"content_sha256", sha256Hex(content)},
                 {"signature", crypto::hex(sig)},
                 {"signed_at", signedAt.empty() ? utcTimestamp() : signedAt}};
  }
  json file = {{"format", kFormat},
               {"format_version", kContributionFormatVersion},
               {"content", content},
               {"signature", signature}};
  return file.dump(1) + "\n";
}

void writeContributionFile(const Contribution& contribution, const std::string& path, const SigningKey* key) {
  writeFileAtomically(path, contributionFileBytes(contribution, key));
}

ContributionCheck readContributionBytes(std::string_view bytes, const std::optional<ExpectedKey>& expected,
                                        const ContributionLimits& limits) {
  ContributionCheck check;
  try {
    if (bytes.size() > limits.maxFileBytes) throw Unreadable{tr("it is larger than a contribution can be")};
    json file = json::parse(bytes, nullptr, false);
    if (file.is_discarded() || !file.is_object() || file.value("format", "") != kFormat)
      throw Unreadable{tr("it is not a Focal contribution file")};
    if (!file.contains("format_version") || !file["format_version"].is_number_integer())
      throw Unreadable{tr("it has no format version")};
    if (file["format_version"].get<int>() > kContributionFormatVersion)
      throw Unreadable{
          tr("it was written by a newer version of Focal; install the newer Focal to import it")};
    if (!file.contains("content") || !file["content"].is_string()) throw Unreadable{tr("it has no content")};
    const std::string& content = file["content"].get_ref<const std::string&>();
    check.contentSha256 = sha256Hex(content);
    const json& signature = file.contains("signature") ? file["signature"] : json(nullptr);
    if (!signature.is_null()) {
      auto text = [&](const char* key) {
        return signature.is_object() && signature.contains(key) && signature[key].is_string()
                   ? signature[key].get<std::string>()
                   : std::string();
      };
      auto publicKey = crypto::fromHex(text("public_key"));
      auto sig = crypto::fromHex(text("signature"));
      if (text("algorithm") != "ed25519" || !publicKey || publicKey->size() != crypto_sign_PUBLICKEYBYTES ||
          !sig || sig->size() != crypto_sign_BYTES) {
        check.verdict = ReportVerdict::Altered;
        check.reason = tr("its signature is damaged or of an unknown kind");
        return check;
      }
      crypto::PublicKey key;
      std::copy(publicKey->begin(), publicKey->end(), key.begin());
      crypto::Signature signatureBytes;
      std::copy(sig->begin(), sig->end(), signatureBytes.begin());
      check.signer = key;
      check.fingerprint = keyFingerprint(key);
      check.signedAt = text("signed_at");
      const crypto::Digest digest = signedDigest(content);
      if (text("content_sha256") != check.contentSha256 || !crypto::verify(key, digest, signatureBytes)) {
        check.verdict = ReportVerdict::Altered;
        check.reason = tr("its content was changed after it was signed");
        return check;
      }
    }
    check.contribution = ContentReader(limits).read(content);
    if (!check.signer) {
      check.verdict = ReportVerdict::Unsigned;
      check.reason = tr("it is not signed");
    } else if (expected && !expected->matches(*check.signer)) {
      check.verdict = ReportVerdict::OtherKey;
      check.reason = msg("it is signed by the key {}, not by the key {} that was expected", check.fingerprint,
                         expected->fingerprint());
    } else {
      check.verdict = ReportVerdict::Intact;
      check.reason = msg("it is intact, signed by the key {}", check.fingerprint);
    }
  } catch (const Unreadable& e) {
    check = ContributionCheck{};
    check.reason = e.reason;
  } catch (const std::exception& e) {
    check = ContributionCheck{};
    check.reason = msg("it could not be read ({})", e.what());
  }
  return check;
}

ContributionCheck readContributionFile(const std::string& path, const std::optional<ExpectedKey>& expected,
                                       const ContributionLimits& limits) {
  std::string bytes;
  try {
    bytes = readWholeFile(path, limits.maxFileBytes);
  } catch (const std::exception& e) {
    ContributionCheck check;
    check.reason = e.what();
    return check;
  }
  return readContributionBytes(bytes, expected, limits);
}

}  // namespace focal
