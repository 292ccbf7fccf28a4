// focal-cli export, verify and key: the national report and the data
// exports of a response, checking received reports, and the installation's
// signing key.
#include <nlohmann/json.hpp>

#include <cstring>
#include <fstream>
#include <iostream>
#include <memory>

#include "app/cli/cli.h"
#include "app/cli/workspace_cli.h"
#include "export/common/output_file.h"
#include "export/data/data_exports.h"
#include "export/print/printed_report.h"
#include "export/report/report_assembly.h"
#include "export/report/report_file.h"
#include "export/report/signing_key.h"
#include "export/response_export.h"

namespace focal::cli {

namespace {

using json = nlohmann::json;

// Whether `path` starts like a national report (SQLite, application id FCLR).
bool looksLikeReport(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  unsigned char header[72] = {};
  if (!in.read(reinterpret_cast<char*>(header), sizeof header)) return false;
  return std::memcmp(header, "SQLite format 3", 16) == 0 &&
         ((std::uint32_t{header[68]} << 24) | (std::uint32_t{header[69]} << 16) |
          (std::uint32_t{header[70]} << 8) | header[71]) == kReportApplicationId;
}

struct ExportRequest {
  std::string input, format, output, language, user, preparer;
  std::optional<ResponseId> response;
  bool final = false;
};

int writeFormat(const ExportRequest& r, const NationalReport& report, const std::string& fingerprint) {
  ReportContext context(report, r.language, nullptr);
  writePrintedOrData(context, r.format, fingerprint, r.output);
  std::cout << printable(r.output) << ": " << r.format << " of the "
            << reportStatusKey(report.metadata.status) << " reply of " << printable(report.metadata.state)
            << " to " << printable(report.metadata.questionnaireId) << " "
            << printable(report.metadata.questionnaireVersion) << " (" << report.answers.size()
            << " answers)\n";
  return kOk;
}

// Printing or exporting a report received from a State.
int exportReceived(const ExportRequest& r) {
  if (r.format == "report") {
    printError(r.input + " is already a national report; copy the file as it is");
    return kInvalid;
  }
  ReportCheck check = readReportFile(r.input);
  if (check.verdict == ReportVerdict::Unreadable || !check.report) {
    printError(r.input + ": " + check.reason + ". Ask the State to send the report again.");
    return kInvalid;
  }
  if (!check.intact())
    std::cerr << "focal-cli: warning: " << printable(r.input) << ": " << verdictKey(check.verdict) << ": "
              << printable(check.reason) << "; the export shows the file as it is\n";
  return writeFormat(r, *check.report, check.fingerprint);
}

int exportWorkspace(const ExportRequest& r) {
  WorkspaceOptions options;
  options.readOnly = true;
  options.backupOnClose = false;
  options.user = userName(r.user);
  auto ws = Workspace::open(r.input, options);
  printWarnings(*ws);
  auto id = chooseResponse(*ws, r.response);
  if (!id) return kInvalid;
  ResponseExportOptions o;
  o.format = r.format;
  o.output = r.output;
  o.language = r.language;
  o.preparer = r.preparer;  // "": the focal point the reply names, else the user
  o.final = r.final;
  ResponseExportResult result;
  try {
    result = exportResponse(*ws, *id, o, SigningKey::loadOrCreate());
  } catch (const ReportNotReady& e) {
    std::cerr << "focal-cli: error: " << printable(r.input) << ": the reply cannot be exported as final yet; "
              << e.problems().size() << (e.problems().size() == 1 ? " question needs" : " questions need")
              << " attention:\n";
    for (const auto& p : e.problems()) std::cerr << "  " << printable(p.describe()) << "\n";
    std::cerr << "Answer them (focal-cli status " << printable(r.input)
              << " lists them too), or export a draft without --final.\n";
    return kInvalid;
  }
  for (const auto& w : result.warnings) std::cerr << "focal-cli: warning: " << printable(w) << "\n";
  std::cout << printable(result.summary) << "\n";
  return kOk;
}

int exportCommand(const ExportRequest& r) {
  try {
    if (looksLikeReport(r.input)) return exportReceived(r);
    return guarded([&] { return exportWorkspace(r); });
  } catch (const KeyError& e) {
    printError(e.what());
    return kFailed;
  } catch (const ExportError& e) {
    printError(e.what());
    return kFailed;
  }
}

const char* advice(ReportVerdict verdict) {
  switch (verdict) {
    case ReportVerdict::Intact:
      return "";
    case ReportVerdict::Altered:
      return "Do not use it; ask the State to send the report again.";
    case ReportVerdict::OtherKey:
      return "Confirm the key's fingerprint with the State through official channels before using it.";
    case ReportVerdict::Unsigned:
      return "Ask the State for the signed report (focal-cli export --format report).";
    case ReportVerdict::Unreadable:
      return "Check that this is a .focalreport file, or ask the State to send it again.";
  }
  return "";
}

int verifyCommand(const std::vector<std::string>& files, const std::string& key, bool keyGiven, bool asJson) {
  VerifyOptions options;
  options.attachmentData = false;  // sizes and digests suffice: memory bounded by the attachment cap
  if (keyGiven) {
    std::string error;
    options.expectedKey = ExpectedKey::parse(key, &error);
    if (!options.expectedKey) {
      printError("--key: " + error);
      return kInvalid;
    }
  }
  json out = {{"files", json::array()}};
  int intact = 0;
  for (const auto& file : files) {
    ReportCheck check = readReportFile(file, options);
    if (check.intact()) ++intact;
    json entry = {
        {"file", file},
        {"verdict", verdictKey(check.verdict)},
        {"reason", check.reason},
        {"fingerprint", check.fingerprint.empty() ? json(nullptr) : json(check.fingerprint)},
        {"signed_at", check.signedAt.empty() ? json(nullptr) : json(check.signedAt)},
        {"content_sha256", check.contentSha256.empty() ? json(nullptr) : json(check.contentSha256)}};
    std::string about;
    if (check.report) {
      const auto& m = check.report->metadata;
      entry["state"] = m.state;
      entry["questionnaire"] = m.questionnaireId;
      entry["version"] = m.questionnaireVersion;
      entry["status"] = reportStatusKey(m.status);
      entry["exported_at"] = m.exportedAt;
      entry["answers"] = check.report->answers.size();
      entry["attachments"] = check.report->attachments.size();
      about = " (" + m.state + ", " + m.questionnaireId + " " + m.questionnaireVersion + ", " +
              reportStatusKey(m.status) + ", exported " + m.exportedAt + ")";
    }
    out["files"].push_back(std::move(entry));
    if (!asJson) {
      if (check.intact())
        std::cout << printable(file) << ": intact, signed by the key " << check.fingerprint
                  << printable(about) << "\n";
      else
        std::cout << printable(file) << ": " << verdictKey(check.verdict) << ": " << printable(check.reason)
                  << printable(about) << ". " << advice(check.verdict) << "\n";
    }
  }
  out["intact"] = intact;
  out["total"] = files.size();
  if (asJson) std::cout << out.dump(2) << "\n";
  return intact == static_cast<int>(files.size()) ? kOk : kInvalid;
}

int keyShow(bool asJson) {
  try {
    const std::string directory = configDirectory();
    SigningKey key = SigningKey::loadOrCreate(directory);
    if (asJson) {
      std::cout << json{{"fingerprint", key.fingerprint()},
                        {"public_key", key.publicKeyHex()},
                        {"public_key_file", directory + "/" + SigningKey::kPublicFile}}
                       .dump(2)
                << "\n";
    } else {
      std::cout
          << "Fingerprint: " << key.fingerprint() << "\nPublic key:  " << key.publicKeyHex()
          << "\nPublic key file: " << directory << "/" << SigningKey::kPublicFile
          << "\nGive the secretariat this fingerprint through official channels; it is printed on every "
             "report's cover.\n";
    }
    return kOk;
  } catch (const KeyError& e) {
    printError(e.what());
    return kFailed;
  }
}

const Registrar registrar(30, [](CLI::App& app) {
  auto request = std::make_shared<ExportRequest>();
  auto* exportCommandApp = app.add_subcommand(
      "export", "Write the national report, its PDF or HTML, or a data export of a response");
  exportCommandApp
      ->add_option("WORKSPACE", request->input, "Workspace (.focal), or a received .focalreport to print")
      ->required();
  exportCommandApp->add_option("--format", request->format, "report, pdf, html, csv, xlsx, json, sav or dta")
      ->required()
      ->check(CLI::IsMember(responseExportFormats()));
  exportCommandApp->add_option("-o,--output", request->output, "The file to write")->required();
  exportCommandApp->add_flag(
      "--final", request->final,
      "Export the final reply (refused while required answers are missing or checks fail)");
  exportCommandApp->add_option("--response", request->response,
                               "The response, when the workspace holds several");
  exportCommandApp->add_option("--language", request->language,
                               "Language of the labels (default: the response's)");
  exportCommandApp->add_option(
      "--preparer", request->preparer,
      "Name printed as preparer (default: the national focal point the reply names, else the user)");
  exportCommandApp->add_option("--user", request->user,
                               "Who exports (default: $FOCAL_USER or the login name)");
  exportCommandApp->callback([request] { exitCode() = exportCommand(*request); });

  auto files = std::make_shared<std::vector<std::string>>();
  auto key = std::make_shared<std::string>();
  auto asJson = std::make_shared<bool>(false);
  auto* verify = app.add_subcommand("verify",
                                    "Check national reports: intact and signed, altered, another key, "
                                    "unsigned or unreadable");
  verify->add_option("REPORT", *files, "National report files (.focalreport)")->required();
  auto* keyOption = verify->add_option(
      "--key", *key, "The expected key: its fingerprint, public key (hex), or signing-key.pub file");
  verify->add_flag("--json", *asJson, "Print the verdicts as JSON");
  verify->callback([=] { exitCode() = verifyCommand(*files, *key, keyOption->count() > 0, *asJson); });

  auto* keyGroup = app.add_subcommand("key", "The installation's signing key");
  keyGroup->require_subcommand(1);
  auto showJson = std::make_shared<bool>(false);
  auto* show =
      keyGroup->add_subcommand("show", "Print the key's fingerprint (the key is created on first use)");
  show->add_flag("--json", *showJson, "Print it as JSON");
  show->callback([=] { exitCode() = keyShow(*showJson); });
});

}  // namespace

}  // namespace focal::cli
