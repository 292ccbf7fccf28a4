// Text extractable as written from the PDFs cairo writes. Pango hands cairo
// each glyph with the characters it stands for (clusters), but cairo first
// maps a glyph to the character the font's own cmap gives it, and keeps that
// in the font's ToUnicode map: the Arabic lam-alef ligature, which Noto Sans
// Arabic also maps from the presentation form U+FEFB, is then read back as
// U+FEFB instead of lam and alef (cairo adds an /ActualText with the right
// letters, which mutool 1.21 ignores and poppler reverses). fixToUnicode rewrites
// every such entry of the ToUnicode maps to the letters the form stands for
// (its compatibility decomposition: U+FEFB is U+0644 U+0627, U+FB01 is "fi";
// the CJK font's two-em dash U+2E3A is the "——" it was drawn for),
// appended to the file as an incremental update, with the right-to-left
// ligatures made one letter per glyph (pdf_rtl_ligatures.h).
#pragma once

#include <string>

namespace focal::pdf {

// The ToUnicode map (a CMap) with every presentation form (U+FB00-U+FDFF,
// U+FE70-U+FEFF) decomposed into its letters and every two- or three-em
// dash into em dashes; the same text when there is none.
std::string decomposedToUnicode(const std::string& cmap);

// Rewrites the ToUnicode maps of the PDF file at `path` (written by cairo)
// as above. Throws ExportError when the file cannot be read or written.
void fixToUnicode(const std::string& path);

}  // namespace focal::pdf
