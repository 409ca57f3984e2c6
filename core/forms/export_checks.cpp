#include "core/forms/export_checks.h"

#include <algorithm>
#include <map>
#include <set>

namespace incidoc {
namespace {

QString quoted(const QString& text)
{
    QString t = text.simplified();
    if (t.size() > 30)
        t = t.left(29) + QChar(0x2026);
    return QStringLiteral("\u201c%1\u201d").arg(t);
}

} // namespace

std::vector<FormFinding> exportChecks(const PageRecord& page, const std::vector<WordRecord>& words,
                                      const PageForm& form)
{
    std::vector<FormFinding> out;
    auto add = [&](const char* kind, const QString& message, EntityId entity = 0, WordId word = 0) {
        FormFinding f;
        f.kind = QString::fromLatin1(kind);
        f.message = message;
        f.document = page.documentId;
        f.page = page.id;
        f.pageNumber = page.number;
        f.entity = entity;
        f.word = word;
        out.push_back(f);
    };

    // Links whose ends are not entities of this page.
    std::set<EntityId> entities;
    for (const EntityRecord& e : form.entities)
        entities.insert(e.id);
    for (const LinkRecord& l : form.links)
        if (!entities.count(l.from) || !entities.count(l.to))
            add("dangling_link", QStringLiteral("a link points to an entity that is not on the page"), l.from);
    if (page.review == ReviewStatus::Reviewed)
        for (const EntityRecord& e : form.entities)
            if (e.label.isEmpty() && e.field.isEmpty())
                add("unlabelled_entity",
                    QStringLiteral("the entity %1 on a reviewed page has no label").arg(quoted(e.text)), e.id,
                    e.words.empty() ? 0 : e.words.front());

    // The words of each text line: a word that lies level with none of the others is outside it (a line
    // may wrap, as an imported entity's words do, so no single band is assumed).
    std::map<std::pair<int, int>, std::vector<const WordRecord*>> lines;
    for (const WordRecord& w : words)
        lines[{w.block, w.line}].push_back(&w);
    auto level = [](const PixelBox& a, const PixelBox& b) {
        const int overlap = std::min(a.y1, b.y1) - std::max(a.y0, b.y0);
        return overlap * 4 >= std::max(1, std::min(a.height(), b.height()));
    };
    auto outsideLine = [&](const WordRecord& w) {
        const auto& members = lines[{w.block, w.line}];
        if (members.size() < 3)
            return false; // too few words to say where the line is
        for (const WordRecord* other : members)
            if (other != &w && level(other->box, w.box))
                return false;
        return true;
    };

    for (std::size_t i = 0; i < words.size(); ++i) {
        const WordRecord& w = words[i];
        if (w.text.trimmed().isEmpty())
            add("empty_word", QStringLiteral("a word has no text"), 0, w.id);
        if (w.box.width() < kTinyBoxPixels || w.box.height() < kTinyBoxPixels)
            add("tiny_box",
                QStringLiteral("the box of %1 is %2×%3 pixels")
                    .arg(quoted(w.text))
                    .arg(w.box.width())
                    .arg(w.box.height()),
                0, w.id);
        if (page.widthPx > 0 && page.heightPx > 0
            && (w.box.x0 < 0 || w.box.y0 < 0 || w.box.x1 > page.widthPx || w.box.y1 > page.heightPx))
            add("box_outside_page", QStringLiteral("the box of %1 reaches outside the page").arg(quoted(w.text)), 0,
                w.id);
        for (std::size_t j = 0; j < i; ++j)
            if (words[j].text == w.text && words[j].box.iou(w.box) >= 0.8) {
                add("duplicate_word", QStringLiteral("%1 is there twice, one box over the other").arg(quoted(w.text)),
                    0, w.id);
                break;
            }
        if (outsideLine(w))
            add("word_outside_line", QStringLiteral("%1 lies outside its text line").arg(quoted(w.text)), 0, w.id);
    }
    return out;
}

} // namespace incidoc
