// Proposals of entities and links, and forms carried between pages, on the 10 public FUNSD forms of the test
// data (their own words as input, so no OCR here) and on small pages made for each case.
#include "core/forms/propose.h"

#include <QImage>
#include <QPainter>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "tests/support/funsd_forms.h"
#include "tests/support/test_paths.h"

using namespace incidoc;
using namespace incidoc::test;

namespace {

QString funsdDir()
{
    return testData(QStringLiteral("funsd/training_data"));
}

std::vector<FunsdForm> publicForms()
{
    std::vector<FunsdForm> forms;
    for (const QString& name : funsdFormNames(funsdDir()))
        forms.push_back(readFunsdForm(funsdDir(), name));
    return forms;
}

WordRecord word(WordId id, const QString& text, int x0, int y0, int x1, int y1)
{
    WordRecord w;
    w.id = id;
    w.pageId = 7;
    w.text = text;
    w.box = {x0, y0, x1, y1};
    return w;
}

EntityRecord entityOf(const std::vector<WordRecord>& words, const ProposedEntity& p)
{
    EntityRecord e;
    e.text = p.text;
    e.box = p.box;
    for (int i : p.words)
        e.words.push_back(words[static_cast<size_t>(i)].id);
    return e;
}

/// "Driver: Jonah R. Pritchard" and "Date of Birth: 07/22/1988" on two lines, 20 px text.
std::vector<WordRecord> driverLines()
{
    return {word(1, QStringLiteral("Driver:"), 100, 100, 170, 120),
            word(2, QStringLiteral("Jonah"), 200, 100, 250, 120),
            word(3, QStringLiteral("R."), 258, 100, 275, 120),
            word(4, QStringLiteral("Pritchard"), 283, 100, 370, 120),
            word(5, QStringLiteral("Date"), 100, 160, 140, 180),
            word(6, QStringLiteral("of"), 148, 160, 165, 180),
            word(7, QStringLiteral("Birth:"), 173, 160, 225, 180),
            word(8, QStringLiteral("07/22/1988"), 255, 160, 355, 180)};
}

} // namespace

TEST(ProposeEntities, KeysCloseOnTheirColonAndValuesFollowThem)
{
    const std::vector<WordRecord> words = driverLines();
    const std::vector<ProposedEntity> entities = proposeEntities(words);
    ASSERT_EQ(entities.size(), 4u);
    EXPECT_EQ(entities[0].text, QStringLiteral("Driver:"));
    EXPECT_EQ(entities[0].label, QStringLiteral("question"));
    EXPECT_EQ(entities[1].text, QStringLiteral("Jonah R. Pritchard"));
    EXPECT_EQ(entities[1].words, (std::vector<int>{1, 2, 3}));
    EXPECT_EQ(entities[1].label, QStringLiteral("answer"));
    EXPECT_EQ(entities[1].box, (PixelBox{200, 100, 370, 120}));
    EXPECT_EQ(entities[2].text, QStringLiteral("Date of Birth:"));
    EXPECT_EQ(entities[3].text, QStringLiteral("07/22/1988"));

    // Links from the entities, labels left to guess: each key to the value on its right.
    std::vector<EntityRecord> records;
    for (const ProposedEntity& p : entities)
        records.push_back(entityOf(words, p));
    const std::vector<ProposedLink> links = proposeLinks(records);
    ASSERT_EQ(links.size(), 2u);
    std::set<std::pair<int, int>> pairs;
    for (const ProposedLink& l : links) {
        pairs.insert({l.from, l.to});
        EXPECT_EQ(l.type, defaultLinkType());
        EXPECT_GT(l.score, 0.0);
        EXPECT_LE(l.score, 1.0);
    }
    EXPECT_EQ(pairs, (std::set<std::pair<int, int>>{{0, 1}, {2, 3}}));
}

TEST(ProposeEntities, ARuledLineSeparatesWordsThatWouldOtherwiseJoin)
{
    // Two words 16 px apart in two ruled cells: one entity without the image, two with it.
    const std::vector<WordRecord> words = {word(1, QStringLiteral("Quantity"), 40, 52, 120, 68),
                                           word(2, QStringLiteral("12"), 136, 52, 156, 68)};
    ASSERT_EQ(proposeEntities(words).size(), 1u);

    QImage page(300, 120, QImage::Format_Grayscale8);
    page.fill(255);
    QPainter painter(&page);
    painter.setPen(QPen(Qt::black, 2));
    painter.drawRect(20, 30, 240, 60);  // the table's frame
    painter.drawLine(128, 30, 128, 90); // the rule between the two cells
    painter.end();
    const std::vector<ProposedEntity> ruled = proposeEntities(words, page);
    ASSERT_EQ(ruled.size(), 2u);
    EXPECT_EQ(ruled[0].text, QStringLiteral("Quantity"));
    EXPECT_EQ(ruled[1].text, QStringLiteral("12"));
}

TEST(ProposeEntities, NothingFromNothing)
{
    EXPECT_TRUE(proposeEntities({}).empty());
    EXPECT_TRUE(proposeEntities({word(1, QStringLiteral("  "), 0, 0, 10, 10)}).empty());
    EXPECT_TRUE(proposeLinks({}).empty());
}

TEST(ProposeEntities, GroupsTheWordsOfThePublicFormsAsTheirAnnotationsDo)
{
    const std::vector<FunsdForm> forms = publicForms();
    ASSERT_EQ(forms.size(), 10u);
    PairScore score;
    for (const FunsdForm& form : forms) {
        const QImage image(form.imagePath);
        ASSERT_FALSE(image.isNull()) << form.imagePath.toStdString();
        const std::vector<ProposedEntity> entities = proposeEntities(form.words, image);
        // Every word in exactly one entity, whose text and box are its words'.
        std::vector<int> seen(form.words.size(), 0);
        for (const ProposedEntity& e : entities) {
            QStringList texts;
            PixelBox box;
            for (int w : e.words) {
                ++seen[static_cast<size_t>(w)];
                texts << form.words[static_cast<size_t>(w)].text;
                box = box.united(form.words[static_cast<size_t>(w)].box);
            }
            EXPECT_EQ(e.text, texts.join(QLatin1Char(' ')));
            EXPECT_EQ(e.box, box);
            EXPECT_TRUE(entityRoles().contains(e.label)) << e.label.toStdString();
        }
        EXPECT_TRUE(std::all_of(seen.begin(), seen.end(), [](int n) { return n == 1; })) << form.name.toStdString();
        score += scoreGrouping(proposedGroups(form.words, image), form.wordEntity);
    }
    // Measured 0.888 (P 0.938, R 0.842) on these 10 forms; bench_forms gives the figures on all 149.
    EXPECT_GE(score.f1(), 0.85) << "P " << score.precision() << " R " << score.recall();
}

TEST(ProposeLinks, FindsTheKeyValueLinksOfThePublicForms)
{
    PairScore score;
    for (const FunsdForm& form : publicForms()) {
        const std::vector<ProposedLink> links = proposeLinks(form.form.entities);
        std::set<std::pair<int, int>> pairs;
        for (const ProposedLink& l : links) {
            EXPECT_NE(l.from, l.to);
            EXPECT_TRUE(pairs.insert(std::minmax(l.from, l.to)).second) << "a pair proposed twice";
            EXPECT_EQ(form.form.entities[static_cast<size_t>(l.from)].label, QStringLiteral("question"));
            EXPECT_EQ(form.form.entities[static_cast<size_t>(l.to)].label, QStringLiteral("answer"));
        }
        EXPECT_TRUE(std::is_sorted(links.begin(), links.end(),
                                   [](const ProposedLink& a, const ProposedLink& b) { return a.score > b.score; }));
        score += scoreLinks(form, links, true);
    }
    // Measured F1 0.737 (P 0.757, R 0.718) on these 10 forms; 0.84 over the 149 of bench_forms.
    EXPECT_GE(score.f1(), 0.70) << "P " << score.precision() << " R " << score.recall();
}

TEST(ProposeLinks, GuessesTheLabelsItIsNotGiven)
{
    PairScore score;
    for (const FunsdForm& form : publicForms()) {
        std::vector<EntityRecord> entities = form.form.entities;
        for (EntityRecord& e : entities)
            e.label.clear();
        score += scoreLinks(form, proposeLinks(entities), true);
    }
    // Measured F1 0.445 (P 0.508, R 0.397) on these 10 forms: keys without a colon are hard to tell.
    EXPECT_GE(score.f1(), 0.40) << "P " << score.precision() << " R " << score.recall();
}

namespace {

/// The form's words moved to another page: scaled and shifted, with new ids.
std::vector<WordRecord> movedWords(const std::vector<WordRecord>& words, double scale, int dx, int dy)
{
    std::vector<WordRecord> out = words;
    for (WordRecord& w : out) {
        w.id += 1000;
        w.pageId = 8;
        w.box = {
            static_cast<int>(std::lround(w.box.x0 * scale)) + dx, static_cast<int>(std::lround(w.box.y0 * scale)) + dy,
            static_cast<int>(std::lround(w.box.x1 * scale)) + dx, static_cast<int>(std::lround(w.box.y1 * scale)) + dy};
    }
    return out;
}

} // namespace

TEST(CarryForm, CarriesEveryEntityAndLinkOntoAMovedCopyOfThePage)
{
    for (const FunsdForm& form : publicForms()) {
        SCOPED_TRACE(form.name.toStdString());
        // A few words moved far away besides: the fit must not follow them.
        std::vector<WordRecord> to = movedWords(form.words, 1.08, 37, -12);
        for (size_t i = 0; i < to.size(); i += 10)
            to[i].box = to[i].box.adjusted(400, 300, 400, 300);
        const PageAlignment align = alignPages(form.words, to);
        ASSERT_TRUE(align.valid);
        EXPECT_NEAR(align.scaleX, 1.08, 0.005);
        EXPECT_NEAR(align.scaleY, 1.08, 0.005);
        EXPECT_NEAR(align.dx, 37, 2.0);
        EXPECT_NEAR(align.dy, -12, 2.0);

        const PageForm carried = carryForm(form.words, form.form, movedWords(form.words, 1.08, 37, -12));
        // Every entity comes back with its own words (ids moved by 1000), label, and id; every link too.
        ASSERT_EQ(carried.entities.size(), form.form.entities.size());
        std::map<EntityId, const EntityRecord*> byId;
        for (const EntityRecord& e : carried.entities)
            byId[e.id] = &e;
        int same = 0;
        for (const EntityRecord& e : form.form.entities) {
            ASSERT_TRUE(byId.count(e.id));
            const EntityRecord& c = *byId[e.id];
            std::vector<WordId> expected;
            for (WordId w : e.words)
                expected.push_back(w + 1000);
            std::vector<WordId> got = c.words;
            std::sort(expected.begin(), expected.end());
            std::sort(got.begin(), got.end());
            same += got == expected ? 1 : 0;
            EXPECT_EQ(c.label, e.label);
            EXPECT_EQ(c.source, carriedSource());
            EXPECT_TRUE(c.proposed);
            EXPECT_EQ(c.pageId, 8);
        }
        EXPECT_EQ(same, static_cast<int>(form.form.entities.size()));
        ASSERT_EQ(carried.links.size(), form.form.links.size());
        for (size_t i = 0; i < carried.links.size(); ++i) {
            EXPECT_EQ(carried.links[i].from, form.form.links[i].from);
            EXPECT_EQ(carried.links[i].to, form.form.links[i].to);
            EXPECT_EQ(carried.links[i].source, carriedSource());
        }
    }
}

TEST(CarryForm, APageWithoutAnchorsGetsNothing)
{
    const FunsdForm form = readFunsdForm(funsdDir(), funsdFormNames(funsdDir()).front());
    ASSERT_FALSE(form.form.entities.empty());
    // The same layout, but no word reads the same: no anchors.
    std::vector<WordRecord> to = movedWords(form.words, 1.0, 5, 5);
    for (WordRecord& w : to)
        w.text = QStringLiteral("w%1x").arg(w.id);
    EXPECT_FALSE(alignPages(form.words, to).valid);
    const PageForm carried = carryForm(form.words, form.form, to);
    EXPECT_TRUE(carried.entities.empty());
    EXPECT_TRUE(carried.links.empty());
    // Another form altogether: whatever few words the two share do not agree on a placement.
    const FunsdForm other = readFunsdForm(funsdDir(), funsdFormNames(funsdDir()).back());
    EXPECT_TRUE(carryForm(form.words, form.form, other.words).entities.empty());
    EXPECT_TRUE(carryForm(form.words, form.form, {}).entities.empty());
}

TEST(CarryForm, AValueFilledInLongerKeepsItsWholePhrase)
{
    const std::vector<WordRecord> from = driverLines();
    PageForm form;
    const std::vector<std::pair<QString, std::vector<WordId>>> groups = {{QStringLiteral("question"), {1}},
                                                                         {QStringLiteral("answer"), {2, 3, 4}},
                                                                         {QStringLiteral("question"), {5, 6, 7}},
                                                                         {QStringLiteral("answer"), {8}}};
    for (size_t i = 0; i < groups.size(); ++i) {
        EntityRecord e;
        e.id = static_cast<EntityId>(i) + 11;
        e.label = groups[i].first;
        e.words = groups[i].second;
        form.entities.push_back(e);
    }
    LinkRecord nameLink, birthLink;
    nameLink.from = 11;
    nameLink.to = 12;
    birthLink.from = 13;
    birthLink.to = 14;
    form.links = {nameLink, birthLink};

    // The next page of the same form, scanned 12 px further right and 30 px lower: the name has a suffix past
    // where the labelled page's name ended, and a page number stands apart.
    std::vector<WordRecord> to = movedWords(from, 1.0, 12, 30);
    to.push_back(word(1100, QStringLiteral("Jr."), 392, 130, 415, 150));
    to.push_back(word(1101, QStringLiteral("2"), 600, 700, 610, 720));
    const PageForm carried = carryForm(from, form, to);
    ASSERT_EQ(carried.entities.size(), 4u);
    EXPECT_EQ(carried.entities[1].id, 12);
    EXPECT_EQ(carried.entities[1].text, QStringLiteral("Jonah R. Pritchard Jr."));
    EXPECT_EQ(carried.entities[1].words, (std::vector<WordId>{1002, 1003, 1004, 1100}));
    EXPECT_EQ(carried.entities[1].label, QStringLiteral("answer"));
    EXPECT_EQ(carried.entities[3].text, QStringLiteral("07/22/1988"));
    ASSERT_EQ(carried.links.size(), 2u);
    EXPECT_EQ(carried.links[0].from, 11);
    EXPECT_EQ(carried.links[0].to, 12);
    EXPECT_EQ(carried.links[0].id, 0);
}

// A page drawn with real fonts: a bold heading with its value on the line below, among plain text. The
// words' boxes are where QFontMetrics puts the drawn words.
TEST(ProposeEntities, AKeySetInBoldIsAKeyWithoutAColon)
{
    QImage page(1200, 700, QImage::Format_Grayscale8);
    page.fill(Qt::white);
    QPainter painter(&page);
    painter.setPen(Qt::black);
    QFont plain(QStringLiteral("DejaVu Sans"));
    plain.setPixelSize(22);
    QFont bold = plain;
    bold.setBold(true);
    bold.setWeight(QFont::Black);
    std::vector<WordRecord> words;
    auto draw = [&](const QString& text, int x, int baseline, const QFont& font) {
        painter.setFont(font);
        const QFontMetrics m(font);
        for (const QString& w : text.split(QLatin1Char(' '))) {
            painter.drawText(x, baseline, w);
            const QRect r = m.tightBoundingRect(w).translated(x, baseline);
            words.push_back(
                word(static_cast<WordId>(words.size() + 1), w, r.left(), r.top() - 1, r.right() + 2, r.bottom() + 2));
            x += m.horizontalAdvance(w + QLatin1Char(' '));
        }
    };
    draw(QStringLiteral("Statement"), 60, 80, bold);
    draw(QStringLiteral("He saw the blue sedan run the light"), 60, 120, plain);
    draw(QStringLiteral("Road works were signed"), 700, 300, plain);
    draw(QStringLiteral("the junction of Elm and Fifth"), 700, 500, plain);
    painter.end();

    const std::vector<bool> boldWord = boldWords(words, page);
    ASSERT_EQ(boldWord.size(), words.size());
    EXPECT_TRUE(boldWord[0]);
    for (std::size_t i = 1; i < words.size(); ++i)
        EXPECT_FALSE(boldWord[i]) << qPrintable(words[i].text);

    auto labelOf = [&](const std::vector<ProposedEntity>& entities) {
        for (const ProposedEntity& e : entities)
            if (e.text == QLatin1String("Statement"))
                return e.label;
        return QString();
    };
    const std::vector<ProposedEntity> withImage = proposeEntities(words, page);
    EXPECT_EQ(labelOf(withImage), QStringLiteral("question"));
    EXPECT_NE(labelOf(proposeEntities(words)), QStringLiteral("question")); // the words alone cannot tell
    // And its value is linked to it.
    std::vector<EntityRecord> records;
    for (const ProposedEntity& e : withImage) {
        EntityRecord r;
        r.id = static_cast<EntityId>(records.size() + 1);
        r.text = e.text;
        r.box = e.box;
        r.label = e.label;
        records.push_back(r);
    }
    bool linked = false;
    for (const ProposedLink& l : proposeLinks(records))
        linked = linked
                 || (records[l.from].text == QLatin1String("Statement")
                     && records[l.to].text.startsWith(QLatin1String("He saw")));
    EXPECT_TRUE(linked);
}
