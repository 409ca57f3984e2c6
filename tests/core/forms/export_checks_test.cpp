// Checks before export on hand-made pages: each kind found where it is, and a clean page gives none.
#include "core/forms/export_checks.h"

#include <gtest/gtest.h>

using namespace incidoc;

namespace {

WordRecord word(WordId id, const QString& text, PixelBox box, int line = 0)
{
    WordRecord w;
    w.id = id;
    w.text = text;
    w.box = box;
    w.line = line;
    return w;
}

PageRecord page(ReviewStatus review = ReviewStatus::InProgress)
{
    PageRecord p;
    p.id = 7;
    p.documentId = 3;
    p.number = 2;
    p.widthPx = 1000;
    p.heightPx = 1400;
    p.review = review;
    return p;
}

// A clean line of four words and a form with a labelled key -> value link.
std::vector<WordRecord> cleanWords()
{
    return {word(1, QStringLiteral("Driver:"), {100, 100, 180, 120}),
            word(2, QStringLiteral("Jonah"), {190, 101, 250, 121}), word(3, QStringLiteral("R."), {255, 100, 275, 120}),
            word(4, QStringLiteral("Pritchard"), {280, 99, 380, 120})};
}

PageForm cleanForm()
{
    PageForm f;
    EntityRecord k, v;
    k.id = 10;
    k.label = QStringLiteral("question");
    k.words = {1};
    v.id = 11;
    v.label = QStringLiteral("answer");
    v.words = {2, 3, 4};
    f.entities = {k, v};
    LinkRecord l;
    l.id = 1;
    l.from = 10;
    l.to = 11;
    f.links = {l};
    return f;
}

std::vector<QString> kinds(const std::vector<FormFinding>& findings)
{
    std::vector<QString> out;
    for (const FormFinding& f : findings)
        out.push_back(f.kind);
    return out;
}

} // namespace

TEST(ExportChecks, ACleanPageHasNoFindings)
{
    EXPECT_TRUE(exportChecks(page(ReviewStatus::Reviewed), cleanWords(), cleanForm()).empty());
}

TEST(ExportChecks, DanglingLinksAndUnlabelledEntitiesOnReviewedPages)
{
    PageForm f = cleanForm();
    f.entities[1].label.clear();
    LinkRecord dangling;
    dangling.id = 2;
    dangling.from = 10;
    dangling.to = 99;
    f.links.push_back(dangling);
    // Not reviewed yet: an unlabelled entity is work in progress, not a finding.
    EXPECT_EQ(kinds(exportChecks(page(), cleanWords(), f)), std::vector<QString>{QStringLiteral("dangling_link")});
    const auto reviewed = exportChecks(page(ReviewStatus::Reviewed), cleanWords(), f);
    ASSERT_EQ(reviewed.size(), 2u);
    EXPECT_EQ(reviewed[1].kind, QStringLiteral("unlabelled_entity"));
    EXPECT_EQ(reviewed[1].entity, 11);
    EXPECT_EQ(reviewed[1].page, 7);
    EXPECT_EQ(reviewed[1].pageNumber, 2);
    EXPECT_EQ(reviewed[1].document, 3);
    // A typed field counts as a label.
    f.entities[1].field = QStringLiteral("person_name");
    EXPECT_EQ(exportChecks(page(ReviewStatus::Reviewed), cleanWords(), f).size(), 1u);
}

TEST(ExportChecks, EmptyDuplicateTinyMisplacedAndOutsideWords)
{
    std::vector<WordRecord> words = cleanWords();
    words.push_back(word(5, QStringLiteral("  "), {400, 100, 440, 120}));
    words.push_back(word(6, QStringLiteral("Pritchard"), {281, 99, 381, 121})); // over word 4
    words.push_back(word(7, QStringLiteral("x"), {500, 100, 502, 120}));        // 2 px wide
    words.push_back(word(8, QStringLiteral("far"), {600, 300, 640, 320}));      // line 0 is at y 100..120
    words.push_back(word(9, QStringLiteral("edge"), {960, 100, 1010, 120}));    // past the right edge
    const auto found = exportChecks(page(), words, cleanForm());
    std::vector<std::pair<QString, WordId>> got;
    for (const FormFinding& f : found)
        got.push_back({f.kind, f.word});
    const std::vector<std::pair<QString, WordId>> want{{QStringLiteral("empty_word"), 5},
                                                       {QStringLiteral("duplicate_word"), 6},
                                                       {QStringLiteral("tiny_box"), 7},
                                                       {QStringLiteral("word_outside_line"), 8},
                                                       {QStringLiteral("box_outside_page"), 9}};
    EXPECT_EQ(got, want);
    for (const FormFinding& f : found)
        EXPECT_FALSE(f.message.isEmpty());
}
