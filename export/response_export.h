// One response of a workspace written out as the national report or any of
// its printable and data formats. Shared by `focal-cli export` and the
// desktop program's File > Export, so both write the same files.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "export/report/signing_key.h"
#include "forms/workspace.h"

namespace focal {

// The formats, as `--format` names them: report (.focalreport), pdf, html,
// csv, xlsx, json, sav (SPSS) and dta (Stata).
const std::vector<std::string>& responseExportFormats();
// The file extension of a format, with the dot: ".focalreport", ".pdf"...
std::string exportExtension(const std::string& format);

class ReportContext;
// Writes one printable or data format (not "report") of a report's context.
void writePrintedOrData(const ReportContext& context, const std::string& format,
                        const std::string& fingerprint, const std::string& output);

struct ResponseExportOptions {
  std::string format = "report";
  std::string output;
  std::string language;  // "" for the response's language
  std::string preparer;  // "": the reply's focal point (forms/focal_point.h), else the workspace's user
  bool final = false;
};

struct ResponseExportResult {
  std::string summary;                // one line: what was written, for the user
  std::vector<std::string> warnings;  // what was left out (missing files...)
  std::size_t answers = 0;
};

// Writes the response. `progress` (may be empty) is told each step done out
// of the total. Throws ReportNotReady for a final export with problems (it
// lists them), WorkspaceError, ExportError or KeyError with what to do.
// Files are written whole or not at all (export/common/output_file.h).
ResponseExportResult exportResponse(Workspace& workspace, ResponseId id, const ResponseExportOptions& options,
                                    const SigningKey& key,
                                    const std::function<void(int done, int total)>& progress = {});

}  // namespace focal
