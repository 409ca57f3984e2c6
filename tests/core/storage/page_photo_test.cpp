// A photographed page's corners placed by a person (ProjectStore::setPagePhoto): the geometry stored as a
// person's, the words a person edited or drew carried from the old flat page onto the new one through the
// photo, the page queued, undo and redo through the edit history, and re-OCR afterwards keeping those words.
// A real SQLite project.
#include "core/storage/project_store.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "tests/core/storage/storage_test_data.h"

using namespace incidoc;

namespace {

PhotoGeometry flattened(const std::array<QPointF, 4>& corners, QSize page, int dpi = 150)
{
    PhotoGeometry g;
    g.state = PhotoState::Flattened;
    g.photoSize = QSize(2000, 1500);
    g.corners = corners;
    g.pageSize = page;
    g.dpi = dpi;
    return g;
}

/// The page as the detector found it, and the same page with two corners moved by a person.
const PhotoGeometry kFound =
    flattened({QPointF(200, 100), QPointF(1800, 150), QPointF(1750, 1400), QPointF(250, 1350)}, QSize(1275, 1100));
const PhotoGeometry kMoved =
    flattened({QPointF(260, 160), QPointF(1800, 150), QPointF(1700, 1350), QPointF(250, 1350)}, QSize(1200, 1000), 140);

/// What carrying box `b` from one page onto another through the photo gives (no clamping): each side of
/// the box where its two corners go, on average.
PixelBox carried(const PixelBox& b, const QTransform& fromPageToPhoto, const QTransform& photoToPage)
{
    auto at = [&](double x, double y) { return photoToPage.map(fromPageToPhoto.map(QPointF(x, y))); };
    const QPointF tl = at(b.x0, b.y0), tr = at(b.x1, b.y0), br = at(b.x1, b.y1), bl = at(b.x0, b.y1);
    return {static_cast<int>(std::lround((tl.x() + bl.x()) / 2)), static_cast<int>(std::lround((tl.y() + tr.y()) / 2)),
            static_cast<int>(std::lround((tr.x() + br.x()) / 2)), static_cast<int>(std::lround((br.y() + bl.y()) / 2))};
}

void expectNear(const PixelBox& got, const PixelBox& want, int tolerance = 1)
{
    EXPECT_LE(std::abs(got.x0 - want.x0), tolerance) << got.x0 << " vs " << want.x0;
    EXPECT_LE(std::abs(got.y0 - want.y0), tolerance) << got.y0 << " vs " << want.y0;
    EXPECT_LE(std::abs(got.x1 - want.x1), tolerance) << got.x1 << " vs " << want.x1;
    EXPECT_LE(std::abs(got.y1 - want.y1), tolerance) << got.y1 << " vs " << want.y1;
}

class PagePhotoTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        auto s = ProjectStore::open(m_dir.filePath(QStringLiteral("photos.incidoc")));
        ASSERT_TRUE(s.ok()) << qPrintable(s.error().message);
        store = std::move(s).value();
    }

    /// An image page (2000 x 1500 photo) done with `photo`, its words `words` (page pixels).
    PageId imagePage(const std::optional<PhotoGeometry>& photo, const std::vector<RecognizedWord>& words)
    {
        DocumentRecord d;
        d.path = m_dir.filePath(QStringLiteral("photo%1.jpg").arg(++m_docs));
        d.name = QStringLiteral("photo.jpg");
        d.sha256 = QStringLiteral("ab%1").arg(m_docs);
        d.kind = DocumentKind::Image;
        d.importedAt = QDateTime::currentDateTimeUtc();
        PageInfo info;
        info.widthPx = 2000;
        info.heightPx = 1500;
        auto doc = store->addDocument(d, {info});
        EXPECT_TRUE(doc.ok());
        const PageId page = store->pages(*doc)->front().id;
        PageOutcome o = test::doneOutcome(page, 0, 1);
        o.result.words = words;
        o.photo = photo;
        o.widthPx = photo && photo->isFlattened() ? photo->pageSize.width() : 2000;
        o.heightPx = photo && photo->isFlattened() ? photo->pageSize.height() : 1500;
        o.dpi = photo && photo->isFlattened() ? photo->dpi : 72;
        EXPECT_TRUE(store->storeOutcomes({o}).ok());
        return page;
    }

    static std::vector<RecognizedWord> someWords()
    {
        return {test::makeWord(QStringLiteral("Incident"), {100, 100, 400, 160}, 0, 0, 90),
                test::makeWord(QStringLiteral("report"), {450, 100, 700, 160}, 0, 0, 91),
                test::makeWord(QStringLiteral("Signed"), {900, 900, 1150, 960}, 1, 1, 88)};
    }

    WordRecord wordByText(PageId page, const QString& text)
    {
        for (const WordRecord& w : *store->words(page))
            if (w.text == text)
                return w;
        ADD_FAILURE() << "no word " << text.toStdString();
        return {};
    }

    QTemporaryDir m_dir;
    std::unique_ptr<ProjectStore> store;
    int m_docs = 0;
};

TEST_F(PagePhotoTest, MovedCornersCarryThePersonsWordsAndQueueThePage)
{
    const PageId page = imagePage(kFound, someWords());
    const WordRecord incident = wordByText(page, QStringLiteral("Incident"));
    ASSERT_TRUE(store->setWordLabel(incident.id, std::nullopt).ok()); // a person looked at it: edited
    WordRecord drawn;
    drawn.text = QStringLiteral("Ref");
    drawn.box = {600, 500, 700, 550};
    auto drawnId = store->addUserWord(page, drawn);
    ASSERT_TRUE(drawnId.ok());
    const WordRecord untouched = wordByText(page, QStringLiteral("Signed"));

    ASSERT_TRUE(store->setPagePhoto(page, kMoved).ok());

    const PageRecord p = *store->page(page);
    EXPECT_EQ(p.status, PageStatus::Queued);
    ASSERT_TRUE(p.photo.has_value());
    EXPECT_EQ(p.photo->state, PhotoState::Flattened);
    EXPECT_TRUE(p.photo->manual);
    EXPECT_EQ(p.photo->corners, kMoved.corners);
    EXPECT_EQ(p.photo->pageSize, QSize(1200, 1000));
    EXPECT_EQ(QSize(p.widthPx, p.heightPx), QSize(1200, 1000));
    EXPECT_EQ(p.dpi, 140);
    // The job the pipeline gets reads the page with the person's corners.
    const auto jobs = *store->jobs(PageStatus::Queued);
    ASSERT_EQ(jobs.size(), 1u);
    ASSERT_TRUE(jobs[0].photo.has_value());
    EXPECT_EQ(jobs[0].photo->corners, kMoved.corners);

    const QTransform there = kFound.pageToPhoto(), back = kMoved.photoToPage();
    const WordRecord edited = *store->word(incident.id).value();
    expectNear(edited.box, carried(incident.box, there, back));
    EXPECT_TRUE(edited.edited);
    // Its characters went with it: inside the new box, in order.
    ASSERT_EQ(edited.chars.size(), 8u);
    for (const RecognizedChar& c : edited.chars) {
        EXPECT_GE(c.box.x0, edited.box.x0);
        EXPECT_LE(c.box.x1, edited.box.x1);
    }
    EXPECT_LT(edited.chars.front().box.x0, edited.chars.back().box.x0);
    const WordRecord ref = wordByText(page, QStringLiteral("Ref"));
    expectNear(ref.box, carried(drawn.box, there, back));
    // The word nobody touched follows too (unrecorded: the next OCR replaces it).
    expectNear(wordByText(page, QStringLiteral("Signed")).box, carried(untouched.box, there, back));

    // One group: the page, then the two person's words.
    const auto history = *store->edits(page);
    const long long group = history.back().groupId;
    const auto edits = *store->editGroup(group);
    ASSERT_EQ(edits.size(), 3u);
    EXPECT_EQ(edits[0].action, QStringLiteral("photo"));
    EXPECT_EQ(edits[0].wordId, 0);
    EXPECT_EQ(edits[1].action, QStringLiteral("photo"));
    EXPECT_NE(edits[1].wordId, 0);
}

TEST_F(PagePhotoTest, UndoPutsBackTheCornersAndTheBoxesAndQueuesThePageAgain)
{
    const PageId page = imagePage(kFound, someWords());
    const WordRecord incident = wordByText(page, QStringLiteral("Incident"));
    ASSERT_TRUE(store->updateWordBox(incident.id, {110, 95, 405, 165}).ok());
    const WordRecord before = *store->word(incident.id).value();
    const PageRecord pageBefore = *store->page(page);
    const WordRecord signedBefore = wordByText(page, QStringLiteral("Signed"));

    auto group = store->beginEditGroup();
    ASSERT_TRUE(group.ok());
    ASSERT_TRUE(store->setPagePhoto(page, kMoved, *group).ok());
    // Processed with the new corners in the meantime: the word nobody touched is read again.
    PageOutcome o = test::doneOutcome(page, 0, 1);
    o.widthPx = 1200;
    o.heightPx = 1000;
    o.dpi = 140;
    o.photo = store->page(page)->photo;
    o.result.words = {test::makeWord(QStringLiteral("Signed"), {860, 860, 1100, 915}, 1, 1, 93)};
    ASSERT_TRUE(store->markProcessing({page}).ok());
    ASSERT_TRUE(store->storeOutcomes({o}).ok());
    ASSERT_EQ(store->page(page)->status, PageStatus::Done);

    ASSERT_TRUE(store->undoEditGroup(*group).ok());
    const PageRecord p = *store->page(page);
    EXPECT_EQ(p.status, PageStatus::Queued);
    ASSERT_TRUE(p.photo.has_value());
    EXPECT_EQ(p.photo->toJsonText(), pageBefore.photo->toJsonText());
    EXPECT_EQ(QSize(p.widthPx, p.heightPx), QSize(pageBefore.widthPx, pageBefore.heightPx));
    EXPECT_EQ(p.dpi, pageBefore.dpi);
    const WordRecord after = *store->word(incident.id).value();
    EXPECT_EQ(after.box, before.box); // exactly: the person's word is recorded
    ASSERT_EQ(after.chars.size(), before.chars.size());
    for (std::size_t i = 0; i < after.chars.size(); ++i)
        EXPECT_EQ(after.chars[i].box, before.chars[i].box);
    // The word read with the new corners is carried back (within rounding) for the next OCR to replace.
    expectNear(wordByText(page, QStringLiteral("Signed")).box, signedBefore.box, 40);

    ASSERT_TRUE(store->redoEditGroup(*group).ok());
    EXPECT_EQ(store->page(page)->photo->corners, kMoved.corners);
    expectNear(store->word(incident.id).value()->box, carried(before.box, kFound.pageToPhoto(), kMoved.photoToPage()));
    EXPECT_EQ(store->page(page)->status, PageStatus::Queued);
}

TEST_F(PagePhotoTest, APageReadAsItIsBecomesFlattened)
{
    PhotoGeometry plain;
    plain.state = PhotoState::NotPhoto;
    plain.photoSize = QSize(2000, 1500);
    const PageId page = imagePage(plain, {test::makeWord(QStringLiteral("Name"), {600, 400, 800, 460}, 0, 0, 80)});
    const WordRecord name = wordByText(page, QStringLiteral("Name"));
    ASSERT_TRUE(store->setWordLabel(name.id, std::nullopt).ok()); // a person looked at it: edited
    ASSERT_TRUE(store->word(name.id).value()->edited);

    ASSERT_TRUE(store->setPagePhoto(page, kFound).ok());
    // The old page IS the photo: only the new photo -> page mapping applies.
    expectNear(store->word(name.id).value()->box, carried(name.box, QTransform(), kFound.photoToPage()));
    EXPECT_EQ(store->page(page)->widthPx, 1275);

    // And back: read as it is again, the page is the photo once more.
    PhotoGeometry asItIs;
    asItIs.state = PhotoState::NotPhoto;
    asItIs.photoSize = QSize(2000, 1500);
    ASSERT_TRUE(store->setPagePhoto(page, asItIs).ok());
    expectNear(store->word(name.id).value()->box, name.box, 2);
    EXPECT_EQ(QSize(store->page(page)->widthPx, store->page(page)->heightPx), QSize(2000, 1500));
    EXPECT_EQ(store->page(page)->photo->state, PhotoState::NotPhoto);
}

// A person's word outside the page the new corners make (on the table beside the sheet) is not lost:
// it keeps its size and lands at the nearest place on the new page, where the person can see it (and
// delete it or move it). One that is partly on the page is cut to it.
TEST_F(PagePhotoTest, APersonsWordOffTheNewPageIsKeptAtItsEdge)
{
    PhotoGeometry plain;
    plain.state = PhotoState::NotPhoto;
    plain.photoSize = QSize(2000, 1500);
    const PageId page = imagePage(plain, {});
    WordRecord beside;
    beside.text = QStringLiteral("coffee");
    beside.box = {20, 700, 120, 740}; // left of the sheet (its left edge is at x ~ 200..250)
    const WordId besideId = *store->addUserWord(page, beside);
    WordRecord across;
    across.text = QStringLiteral("edge");
    across.box = {150, 300, 400, 340}; // over the sheet's left edge
    const WordId acrossId = *store->addUserWord(page, across);

    ASSERT_TRUE(store->setPagePhoto(page, kFound).ok());
    const PixelBox off = store->word(besideId).value()->box;
    EXPECT_EQ(off.x0, 0);
    EXPECT_GT(off.width(), 0);
    EXPECT_GT(off.height(), 0);
    EXPECT_LE(off.x1, 1275);
    EXPECT_GE(off.y0, 0);
    EXPECT_LE(off.y1, 1100);
    const PixelBox cut = store->word(acrossId).value()->box;
    EXPECT_EQ(cut.x0, 0);
    const PixelBox whole = carried(across.box, QTransform(), kFound.photoToPage());
    EXPECT_LT(whole.x0, 0);
    EXPECT_NEAR(cut.x1, whole.x1, 1);
}

TEST_F(PagePhotoTest, ReOcrWithTheNewCornersKeepsThePersonsWords)
{
    const PageId page = imagePage(kFound, someWords());
    const WordRecord incident = wordByText(page, QStringLiteral("Incident"));
    ASSERT_TRUE(store->updateWordText(incident.id, QStringLiteral("Incident:")).ok());
    ASSERT_TRUE(store->setPagePhoto(page, kMoved).ok());
    const PixelBox kept = store->word(incident.id).value()->box;
    PageOutcome o = test::doneOutcome(page, 0, 2);
    o.photo = store->page(page)->photo;
    o.widthPx = 1200;
    o.heightPx = 1000;
    // The engine reads the same word where it now is, and another one.
    o.result.words = {
        test::makeWord(QStringLiteral("lncident"), kept, 0, 0, 60),
        test::makeWord(QStringLiteral("report"), {kept.x1 + 40, kept.y0, kept.x1 + 250, kept.y1}, 0, 0, 90)};
    ASSERT_TRUE(store->markProcessing({page}).ok());
    ASSERT_TRUE(store->storeOutcomes({o}).ok());
    const auto words = *store->words(page);
    ASSERT_EQ(words.size(), 2u);
    EXPECT_EQ(words[0].text, QStringLiteral("Incident:"));
    EXPECT_EQ(words[0].id, incident.id);
    EXPECT_EQ(words[1].text, QStringLiteral("report"));
    EXPECT_TRUE(store->page(page)->photo->manual); // the outcome carried the person's corners
}

TEST_F(PagePhotoTest, AReadingWithCornersOlderThanThePersonsIsNotStored)
{
    const PageId page = imagePage(kFound, someWords());
    ASSERT_TRUE(store->setPagePhoto(page, kMoved).ok());
    // A job handed out before the person moved the corners comes back with the detected ones.
    ASSERT_TRUE(store->markProcessing({page}).ok());
    PageOutcome stale = test::doneOutcome(page, 0, 3);
    stale.photo = kFound;
    stale.widthPx = kFound.pageSize.width();
    stale.heightPx = kFound.pageSize.height();
    stale.result.words = {test::makeWord(QStringLiteral("stale"), {10, 10, 90, 40}, 0, 0, 90)};
    ASSERT_TRUE(store->storeOutcomes({stale}).ok());
    const PageRecord after = *store->page(page);
    EXPECT_EQ(after.status, PageStatus::Queued); // waiting to be read with the person's corners
    ASSERT_TRUE(after.photo.has_value());
    EXPECT_TRUE(after.photo->manual);
    EXPECT_EQ(after.photo->corners, kMoved.corners);
    for (const WordRecord& w : *store->words(page))
        EXPECT_NE(w.text, QStringLiteral("stale"));
    // "Read it as it is" is a person's choice too: kept through the project file, and guarded the same way.
    PhotoGeometry asItIs;
    asItIs.photoSize = QSize(2000, 1500);
    ASSERT_TRUE(store->setPagePhoto(page, asItIs).ok());
    ASSERT_TRUE(store->page(page)->photo->manual);
    stale.photo = kFound;
    ASSERT_TRUE(store->storeOutcomes({stale}).ok());
    EXPECT_EQ(store->page(page)->photo->state, PhotoState::NotPhoto);
}

TEST_F(PagePhotoTest, RefusesWhatCannotBeAPhotoAndWritesNothingForNoChange)
{
    const PageId page = imagePage(kFound, someWords());
    PhotoGeometry concave = kMoved;
    concave.corners[0] = QPointF(1300, 900); // the top-left corner pulled inside: a dart, not a page
    auto refused = store->setPagePhoto(page, concave);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::InvalidInput);
    PhotoGeometry noSize = kMoved;
    noSize.pageSize = QSize();
    EXPECT_FALSE(store->setPagePhoto(page, noSize).ok());
    EXPECT_EQ(store->edits(page)->size(), 0u);
    EXPECT_EQ(store->page(page)->status, PageStatus::Done);

    // The same corners again: nothing to do, nothing to undo.
    ASSERT_TRUE(store->setPagePhoto(page, kMoved).ok());
    const std::size_t edits = store->edits(page)->size();
    ASSERT_TRUE(store->setPagePhoto(page, kMoved).ok());
    EXPECT_EQ(store->edits(page)->size(), edits);

    // While the page is being processed, corners can change and be taken back: the run's outcome, read with
    // the corners it was handed, is then stale and not stored (AReadingWithCornersOlderThanThePersonsIsNotStored).
    ASSERT_TRUE(store->markProcessing({page}).ok());
    ASSERT_TRUE(store->setPagePhoto(page, kFound).ok());
    EXPECT_EQ(store->page(page)->status, PageStatus::Queued);
    ASSERT_TRUE(store->markProcessing({page}).ok());
    ASSERT_TRUE(store->undoEditGroup(store->edits(page)->back().groupId).ok());
    EXPECT_EQ(store->page(page)->photo->corners, kMoved.corners);
    EXPECT_EQ(store->page(page)->status, PageStatus::Queued);

    // A page of a PDF is not a photo.
    DocumentRecord pdf;
    pdf.path = m_dir.filePath(QStringLiteral("scan.pdf"));
    pdf.name = QStringLiteral("scan.pdf");
    pdf.sha256 = QStringLiteral("cd");
    pdf.importedAt = QDateTime::currentDateTimeUtc();
    auto doc = store->addDocument(pdf, {PageInfo{}});
    ASSERT_TRUE(doc.ok());
    auto notImage = store->setPagePhoto(store->pages(*doc)->front().id, kFound);
    ASSERT_FALSE(notImage.ok());
    EXPECT_EQ(notImage.error().code, ErrorCode::InvalidInput);
}

} // namespace
