// Right-to-left ligatures that both pdftotext and mutool read as written.
// A ligature glyph whose ToUnicode entry holds several letters (Arabic
// lam-alef: U+0644 U+0627) is read in logical order by mutool but reversed
// by poppler, which spreads the letters left to right over the glyph's width
// before reading the line right to left; an /ActualText span around it is
// reversed by poppler the same way and ignored by mutool 1.21. So the glyph
// is made to stand for one letter each: the drawn ligature keeps its pixels
// but is narrowed (its /W width divided by the number of letters) and stands
// for the last letter, on the left; each other letter is an invisible glyph
// (text rendering mode 3, a new code of the same font) placed over its share
// of the ligature, right to left, and shown first, so that the order of the
// content stream (mutool) and the order of the positions (poppler) are both
// the order of the letters. The glyphs that follow are placed exactly where
// they were, and cairo's /ActualText spans around the ligatures are dropped.
#pragma once

#include <glib.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace focal::pdf {

// What happens to one ligature code of a font: the letters it stands for in
// logical order, its new width, and the codes of the invisible letters
// (all but the last).
struct LigatureSplit {
  std::vector<gunichar> letters;
  double width = 0;
  std::vector<unsigned> invisible;
};

// The content stream with every ligature of `fonts` (resource name ->
// ligature code -> split) shown as above; the same text when it shows none.
// Nothing when it names one of the fonts but cannot be rewritten safely: it
// sets a text state the split would disturb (rendering mode, character or
// word spacing, horizontal scaling), shows text before setting a font, or
// holds what this reader does not read (inline images, comments, strings
// that are not two-byte codes). The split is then made nowhere: the narrowed
// widths would move the glyphs of a stream left as it was.
std::optional<std::string> splitLigaturesInContent(
    const std::string& content, const std::map<std::string, std::map<unsigned, LigatureSplit>>& fonts);

// Rewrites the objects of a cairo PDF (`pdf`) for the right-to-left
// ligatures of its fonts: `cmaps` (ToUnicode object number -> its CMap, the
// presentation forms already decomposed) is updated in place, and the new
// text of every other object changed (font widths, content streams) is
// added to `objects` (object number -> "N 0 obj ... endobj\n"). All or
// nothing: when one content stream cannot be split (see above), or the file
// has no classic cross-reference table, nothing is changed.
void splitRtlLigatures(const std::string& pdf, std::map<long, std::string>& cmaps,
                       std::map<long, std::string>& objects);

}  // namespace focal::pdf
