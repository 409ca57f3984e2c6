// The FUNSD scorer: ground truth parsing and the one-to-one IoU + exact-text matching.
#include <gtest/gtest.h>

#include "tests/support/funsd.h"
#include "tests/support/test_paths.h"

using namespace incidoc;
using namespace incidoc::test;

TEST(FunsdScorer, LoadsTheTenAnnotatedForms)
{
    const auto pages = loadFunsdPages(testData(QStringLiteral("funsd/training_data")));
    ASSERT_EQ(pages.size(), 10u);
    EXPECT_EQ(pages.front().name, QStringLiteral("0000971160"));
    EXPECT_TRUE(QFileInfo::exists(pages.front().imagePath));
    // The first entity of 0000971160.json is the word "R&D" at [292, 91, 376, 175].
    ASSERT_FALSE(pages.front().words.empty());
    EXPECT_EQ(pages.front().words.front().text, QStringLiteral("R&D"));
    EXPECT_EQ(pages.front().words.front().box, (PixelBox{292, 91, 376, 175}));
    size_t words = 0;
    for (const auto& p : pages) {
        for (const auto& w : p.words) {
            EXPECT_FALSE(w.text.trimmed().isEmpty());
            EXPECT_FALSE(w.box.isEmpty()) << qPrintable(p.name) << " " << qPrintable(w.text);
        }
        words += p.words.size();
    }
    EXPECT_EQ(words, 1540u); // 1573 annotated words, 33 of them with empty text
}

TEST(FunsdScorer, MissingFolderGivesNoPages)
{
    EXPECT_TRUE(loadFunsdPages(QStringLiteral("/nonexistent/funsd")).empty());
}

TEST(FunsdScorer, MatchesNeedOverlapAndIdenticalText)
{
    const std::vector<FunsdWord> truth = {{"Date", {0, 0, 40, 10}}, {"Name", {100, 0, 140, 10}}};
    // Exact: both match.
    auto s = scoreWords({{"Date", {0, 0, 40, 10}}, {"Name", {101, 1, 141, 11}}}, truth);
    EXPECT_EQ(s.matched, 2);
    EXPECT_DOUBLE_EQ(s.f1(), 1.0);
    // Wrong case or punctuation is a miss; so is a box with IoU below 0.5.
    s = scoreWords({{"date", {0, 0, 40, 10}}, {"Name", {125, 0, 165, 10}}}, truth);
    EXPECT_EQ(s.matched, 0);
    EXPECT_EQ(s.predicted, 2);
    EXPECT_EQ(s.truth, 2);
    EXPECT_DOUBLE_EQ(s.f1(), 0.0);
    // IoU exactly 0.5 counts: [0,40) vs [0,20) horizontally, same rows.
    s = scoreWords({{"Date", {0, 0, 20, 10}}}, truth);
    EXPECT_EQ(s.matched, 1);
    EXPECT_DOUBLE_EQ(s.precision(), 1.0);
    EXPECT_DOUBLE_EQ(s.recall(), 0.5);
}

TEST(FunsdScorer, MatchingIsOneToOneAndGreedyByOverlap)
{
    // Two truth words "to" side by side; three predictions "to": the best overlaps win, the third
    // prediction finds no free partner.
    const std::vector<FunsdWord> truth = {{"to", {0, 0, 20, 10}}, {"to", {30, 0, 50, 10}}};
    const std::vector<FunsdWord> predicted = {{"to", {2, 0, 22, 10}}, {"to", {0, 0, 20, 10}}, {"to", {30, 0, 50, 10}}};
    const auto s = scoreWords(predicted, truth);
    EXPECT_EQ(s.matched, 2);
    EXPECT_EQ(s.predicted, 3);
    EXPECT_NEAR(s.precision(), 2.0 / 3.0, 1e-9);
    EXPECT_DOUBLE_EQ(s.recall(), 1.0);
    WordScore sum;
    sum += s;
    sum += s;
    EXPECT_EQ(sum.matched, 4);
    EXPECT_NEAR(sum.f1(), s.f1(), 1e-12);
}
