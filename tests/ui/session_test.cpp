// ProjectSession and its undo commands against a real project (the bundled sample, OCR'd by the real
// pipeline): every mutation is checked in the database through a second connection after do, undo and
// redo, with its edit history rows.
#include "core/storage/project_store.h"
#include "ui/project_session.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QThread>
#include <QUndoStack>

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <csignal>
#include <map>

#include "tests/support/test_paths.h"
#include "tests/ui/session_fixture.h"

using namespace incidoc;
using incidoc::ui::ProjectSession;

namespace {

// Everything a user could see change about a word.
std::string describe(const WordRecord& w)
{
    QString chars;
    for (const RecognizedChar& c : w.chars)
        chars += QStringLiteral("%1@%2,%3,%4,%5 ").arg(c.text).arg(c.box.x0).arg(c.box.y0).arg(c.box.x1).arg(c.box.y1);
    return QStringLiteral("#%1 ord %2 b%3 l%4 '%5' [%6,%7,%8,%9] conf %10 src %11 ocr '%12' label %13 rev %14 "
                          "edit %15 chars %16")
        .arg(w.id)
        .arg(w.order)
        .arg(w.block)
        .arg(w.line)
        .arg(w.text)
        .arg(w.box.x0)
        .arg(w.box.y0)
        .arg(w.box.x1)
        .arg(w.box.y1)
        .arg(w.confidence ? QString::number(*w.confidence) : QStringLiteral("-"))
        .arg(toString(w.source))
        .arg(w.ocrText.value_or(QStringLiteral("<none>")))
        .arg(w.labelId ? QString::number(*w.labelId) : QStringLiteral("-"))
        .arg(w.reviewed)
        .arg(w.edited)
        .arg(chars)
        .toStdString();
}

std::vector<std::string> describeAll(const std::vector<WordRecord>& words)
{
    std::vector<std::string> out;
    for (const WordRecord& w : words)
        out.push_back(describe(w));
    return out;
}

void expectOrderContiguous(const std::vector<WordRecord>& words)
{
    for (std::size_t i = 0; i < words.size(); ++i)
        EXPECT_EQ(words[i].order, static_cast<int>(i)) << "reading order has a gap at " << i;
}

class SessionTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(dir.isValid());
        path = test::copySampleProject(dir);
        ASSERT_FALSE(path.isEmpty());
        auto s = ProjectSession::open(path);
        ASSERT_TRUE(s.ok()) << qPrintable(s.error().message);
        session = std::move(s).value();
        auto o = ProjectStore::open(path);
        ASSERT_TRUE(o.ok()) << qPrintable(o.error().message);
        other = std::move(o).value();
        QObject::connect(session.get(), &ProjectSession::errorOccurred, [this](const QString& m) { errors << m; });
        const auto docs = session->documents();
        ASSERT_EQ(docs.size(), 1u);
        const auto pages = session->pages(docs.front().id);
        ASSERT_EQ(pages.size(), 4u);
        textPage = pages[0].id;
        scannedPage = pages[1].id;
    }

    WordRecord dbWord(WordId id)
    {
        auto r = other->word(id);
        EXPECT_TRUE(r.ok());
        EXPECT_TRUE(r.ok() && r->has_value()) << "word " << id << " is not in the project";
        return r && *r ? **r : WordRecord{};
    }
    bool dbHasWord(WordId id)
    {
        auto r = other->word(id);
        EXPECT_TRUE(r.ok());
        return r.ok() && r->has_value();
    }
    std::vector<WordRecord> dbWords(PageId page)
    {
        auto r = other->words(page);
        EXPECT_TRUE(r.ok());
        return r ? *r : std::vector<WordRecord>{};
    }
    std::vector<EditRecord> dbEdits(PageId page)
    {
        auto r = other->edits(page);
        EXPECT_TRUE(r.ok());
        return r ? *r : std::vector<EditRecord>{};
    }
    /// The word edits of a page (without the page's own review edits, which the first word edit adds).
    std::vector<EditRecord> dbWordEdits(PageId page)
    {
        std::vector<EditRecord> out;
        for (const EditRecord& e : dbEdits(page))
            if (e.wordId != 0)
                out.push_back(e);
        return out;
    }
    // A recognized word of the scanned page with per-character boxes and at least `minLength` letters.
    WordRecord scannedWordWithChars(int minLength, int skip = 0)
    {
        for (const WordRecord& w : session->words(scannedPage)) {
            bool letters = std::all_of(w.text.begin(), w.text.end(), [](QChar c) { return c.isLetter(); });
            if (w.source == WordSource::Ocr && letters && w.text.size() >= minLength
                && static_cast<int>(w.chars.size()) == w.text.size() && skip-- == 0)
                return w;
        }
        ADD_FAILURE() << "no OCR word with characters on the scanned page";
        return {};
    }

    QTemporaryDir dir;
    QString path;
    std::unique_ptr<ProjectSession> session;
    std::unique_ptr<ProjectStore> other;
    PageId textPage = 0, scannedPage = 0;
    QStringList errors;
};

TEST_F(SessionTest, ReadsTheProject)
{
    EXPECT_EQ(session->path(), QFileInfo(path).absoluteFilePath());
    EXPECT_FALSE(session->isReadOnly());
    ASSERT_NE(session->undoStack(), nullptr);
    const auto docs = session->documents();
    ASSERT_EQ(docs.size(), 1u);
    EXPECT_EQ(docs[0].name, QStringLiteral("incident-report.pdf"));
    ASSERT_TRUE(session->document(docs[0].id).has_value());
    EXPECT_FALSE(session->document(987654).has_value());
    for (const PageRecord& p : session->pages(docs[0].id)) {
        EXPECT_EQ(p.status, PageStatus::Done);
        const auto words = session->words(p.id);
        EXPECT_GT(words.size(), 30u) << "page " << p.number;
        expectOrderContiguous(words);
        ASSERT_TRUE(session->page(p.id).has_value());
        EXPECT_EQ(session->page(p.id)->number, p.number);
    }
    const auto labels = session->labels();
    ASSERT_EQ(labels.size(), 9u);
    EXPECT_EQ(labels[0].name, QStringLiteral("PERSON"));
    EXPECT_TRUE(errors.isEmpty()) << qPrintable(errors.join('\n'));
}

TEST_F(SessionTest, SearchFindsWordsCaseInsensitiveInOrder)
{
    const auto hits = session->search(QStringLiteral("millbrook"));
    ASSERT_FALSE(hits.empty());
    int lastPage = 0;
    for (const auto& h : hits) {
        EXPECT_TRUE(h.text.contains(QStringLiteral("Millbrook"), Qt::CaseInsensitive)) << qPrintable(h.text);
        EXPECT_GE(h.pageNumber, lastPage);
        lastPage = h.pageNumber;
        const WordRecord w = dbWord(h.wordId);
        EXPECT_EQ(w.box, h.box);
        EXPECT_EQ(w.pageId, h.pageId);
    }
    EXPECT_EQ(session->search(QStringLiteral("millbrook"), 1).size(), 1u);
    EXPECT_TRUE(session->search(QStringLiteral("zzqxj-not-there")).empty());
    EXPECT_TRUE(session->search(QStringLiteral("%")).empty()) << "LIKE wildcards are literal";
    // Non-ASCII: case folding beyond ASCII.
    const WordRecord w = session->words(textPage).front();
    ASSERT_TRUE(session->setWordText(w.id, QStringLiteral("Ærøskøbing")));
    const auto hits2 = session->search(QStringLiteral("ærø"));
    ASSERT_EQ(hits2.size(), 1u);
    EXPECT_EQ(hits2[0].wordId, w.id);
}

TEST_F(SessionTest, ReadOnlySessionRefusesEdits)
{
    session.reset();
    auto ro = ProjectSession::open(path, true);
    ASSERT_TRUE(ro.ok()) << qPrintable(ro.error().message);
    QSignalSpy errorSpy(ro->get(), &ProjectSession::errorOccurred);
    EXPECT_TRUE((*ro)->isReadOnly());
    const WordRecord w = (*ro)->words(scannedPage).front();
    EXPECT_FALSE((*ro)->setWordText(w.id, QStringLiteral("changed")));
    EXPECT_EQ(errorSpy.count(), 1);
    EXPECT_EQ(dbWord(w.id).text, w.text);
    EXPECT_EQ((*ro)->undoStack()->count(), 0);
}

TEST_F(SessionTest, ForeignOrNewerFilesGiveClearErrorsAndStayUntouched)
{
    const QString foreign = dir.filePath(QStringLiteral("notes.incidoc"));
    {
        QFile f(foreign);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'x'));
    }
    auto s = ProjectSession::open(foreign);
    ASSERT_FALSE(s.ok());
    EXPECT_TRUE(s.error().message.contains(QStringLiteral("not an Incidoc project"))) << qPrintable(s.error().message);
    QFile f(foreign);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_EQ(f.readAll(), QByteArray(4096, 'x'));

    // A project made by a newer Incidoc.
    session.reset();
    other.reset();
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(QFile::encodeName(path).constData(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, "PRAGMA user_version = 8", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
    auto newer = ProjectSession::open(path);
    ASSERT_FALSE(newer.ok());
    EXPECT_TRUE(newer.error().message.contains(QStringLiteral("newer"))) << qPrintable(newer.error().message);
}

TEST_F(SessionTest, SetWordTextDoUndoRedo)
{
    const WordRecord w = scannedWordWithChars(3);
    QSignalSpy spy(session.get(), &ProjectSession::wordsChanged);
    ASSERT_TRUE(session->setWordText(w.id, QStringLiteral("Corrected")));
    EXPECT_EQ(spy.count(), 1);
    EXPECT_EQ(spy.at(0).at(0).value<PageId>(), scannedPage);
    WordRecord d = dbWord(w.id);
    EXPECT_EQ(d.text, QStringLiteral("Corrected"));
    EXPECT_EQ(d.ocrText, std::optional<QString>(w.text)) << "the original OCR text is kept";
    EXPECT_TRUE(d.edited);
    auto edits = dbWordEdits(scannedPage);
    ASSERT_EQ(edits.size(), 1u);
    EXPECT_EQ(edits[0].action, QStringLiteral("text"));
    EXPECT_EQ(edits[0].wordId, w.id);
    EXPECT_FALSE(edits[0].undone);
    EXPECT_EQ(session->undoStack()->count(), 1);

    session->undoStack()->undo();
    EXPECT_EQ(spy.count(), 2);
    EXPECT_EQ(describe(dbWord(w.id)), describe(w)) << "undo puts every field back, characters too";
    edits = dbWordEdits(scannedPage);
    ASSERT_EQ(edits.size(), 1u);
    EXPECT_TRUE(edits[0].undone);

    session->undoStack()->redo();
    d = dbWord(w.id);
    EXPECT_EQ(d.text, QStringLiteral("Corrected"));
    EXPECT_EQ(d.ocrText, std::optional<QString>(w.text));
    EXPECT_FALSE(dbWordEdits(scannedPage)[0].undone);
    EXPECT_TRUE(errors.isEmpty()) << qPrintable(errors.join('\n'));
}

TEST_F(SessionTest, UnchangedTextIsNotAnUndoStep)
{
    const WordRecord w = session->words(scannedPage).front();
    EXPECT_TRUE(session->setWordText(w.id, w.text));
    EXPECT_EQ(session->undoStack()->count(), 0);
    EXPECT_TRUE(dbWordEdits(scannedPage).empty());
}

TEST_F(SessionTest, SetWordBoxDoUndoRedo)
{
    const WordRecord w = scannedWordWithChars(3);
    const PixelBox moved{w.box.x0 + 5, w.box.y0 + 3, w.box.x1 + 5, w.box.y1 + 3};
    ASSERT_TRUE(session->setWordBox(w.id, moved));
    WordRecord d = dbWord(w.id);
    EXPECT_EQ(d.box, moved);
    ASSERT_EQ(d.chars.size(), w.chars.size());
    EXPECT_EQ(d.chars[0].box, w.chars[0].box) << "characters stay where they are on the page";
    EXPECT_EQ(dbWordEdits(scannedPage).back().action, QStringLiteral("box"));
    session->undoStack()->undo();
    EXPECT_EQ(describe(dbWord(w.id)), describe(w));
    session->undoStack()->redo();
    EXPECT_EQ(dbWord(w.id).box, moved);
    // An empty box is refused: error, nothing pushed.
    EXPECT_FALSE(session->setWordBox(w.id, PixelBox{10, 10, 10, 20}));
    EXPECT_EQ(errors.size(), 1);
    EXPECT_EQ(session->undoStack()->count(), 1);
    EXPECT_EQ(dbWord(w.id).box, moved);
}

TEST_F(SessionTest, SetWordsLabelDoUndoRedo)
{
    const auto words = session->words(scannedPage);
    const LabelId person = session->labels()[0].id;
    const QList<WordId> ids{words[0].id, words[1].id};
    ASSERT_TRUE(session->setWordsLabel(ids, person));
    for (WordId id : ids) {
        EXPECT_EQ(dbWord(id).labelId, std::optional<LabelId>(person));
        EXPECT_EQ(dbWord(id).labelName, QStringLiteral("PERSON"));
    }
    auto edits = dbWordEdits(scannedPage);
    ASSERT_EQ(edits.size(), 2u);
    EXPECT_EQ(edits[0].groupId, edits[1].groupId) << "one user action, one group";
    EXPECT_EQ(edits[0].action, QStringLiteral("label"));
    session->undoStack()->undo();
    EXPECT_EQ(describe(dbWord(ids[0])), describe(words[0]));
    EXPECT_EQ(describe(dbWord(ids[1])), describe(words[1]));
    session->undoStack()->redo();
    EXPECT_EQ(dbWord(ids[1]).labelId, std::optional<LabelId>(person));
    // Clearing.
    ASSERT_TRUE(session->setWordsLabel(ids, std::nullopt));
    EXPECT_FALSE(dbWord(ids[0]).labelId.has_value());
    // A label that does not exist: error, nothing changes.
    EXPECT_FALSE(session->setWordsLabel(ids, LabelId{424242}));
    EXPECT_EQ(errors.size(), 1);
    EXPECT_FALSE(dbWord(ids[0]).labelId.has_value());
}

TEST_F(SessionTest, AddWordDoUndoRedo)
{
    const auto before = session->words(scannedPage);
    // On the line of the third word, just right of it: reading order puts it after that word.
    const WordRecord anchor = before[2];
    const PixelBox box{anchor.box.x1 + 2, anchor.box.y0, anchor.box.x1 + 4, anchor.box.y1};
    QSignalSpy spy(session.get(), &ProjectSession::wordsChanged);
    const WordId id = session->addWord(scannedPage, box, QStringLiteral("drawn"));
    ASSERT_NE(id, 0);
    EXPECT_EQ(spy.count(), 1);
    const WordRecord d = dbWord(id);
    EXPECT_EQ(d.source, WordSource::User);
    EXPECT_EQ(d.text, QStringLiteral("drawn"));
    EXPECT_EQ(d.box, box);
    EXPECT_FALSE(d.confidence.has_value());
    const auto after = dbWords(scannedPage);
    expectOrderContiguous(after);
    ASSERT_EQ(after.size(), before.size() + 1);
    EXPECT_EQ(after[static_cast<std::size_t>(d.order) - 1].id, anchor.id) << "right after its left neighbour";
    EXPECT_EQ(dbWordEdits(scannedPage).back().action, QStringLiteral("add"));

    session->undoStack()->undo();
    EXPECT_FALSE(dbHasWord(id));
    EXPECT_EQ(describeAll(dbWords(scannedPage)), describeAll(before));
    session->undoStack()->redo();
    EXPECT_EQ(describe(dbWord(id)), describe(d)) << "redo brings the same word back, same id";
    EXPECT_EQ(describeAll(dbWords(scannedPage)), describeAll(after));
}

TEST_F(SessionTest, DeleteWordsDoUndoRedo)
{
    const auto before = session->words(scannedPage);
    const QList<WordId> ids{before[1].id, before[4].id, before[5].id};
    ASSERT_TRUE(session->deleteWords(ids));
    for (WordId id : ids)
        EXPECT_FALSE(dbHasWord(id));
    const auto after = dbWords(scannedPage);
    EXPECT_EQ(after.size(), before.size() - 3);
    expectOrderContiguous(after);
    auto edits = dbWordEdits(scannedPage);
    ASSERT_EQ(edits.size(), 3u);
    EXPECT_EQ(edits[0].action, QStringLiteral("delete"));
    EXPECT_TRUE(QJsonDocument::fromJson(edits[0].before.toUtf8()).object().contains(QStringLiteral("chars")));

    session->undoStack()->undo();
    EXPECT_EQ(describeAll(dbWords(scannedPage)), describeAll(before)) << "all back, same ids, order, characters";
    session->undoStack()->redo();
    EXPECT_EQ(describeAll(dbWords(scannedPage)), describeAll(after));
}

TEST_F(SessionTest, MergeWordsDoUndoRedo)
{
    const auto before = session->words(scannedPage);
    // Two neighbours on one line, given in the wrong order: the text follows reading order.
    std::size_t i = 0;
    while (i + 1 < before.size() && (before[i].line != before[i + 1].line || before[i].block != before[i + 1].block))
        ++i;
    ASSERT_LT(i + 1, before.size());
    const WordRecord a = before[i], b = before[i + 1];
    ASSERT_TRUE(session->mergeWords({b.id, a.id}));
    const WordRecord m = dbWord(a.id);
    EXPECT_FALSE(dbHasWord(b.id));
    EXPECT_EQ(m.text, a.text + QLatin1Char(' ') + b.text);
    EXPECT_EQ(m.box, a.box.united(b.box));
    EXPECT_EQ(m.order, a.order);
    EXPECT_EQ(m.confidence, std::min(a.confidence, b.confidence));
    EXPECT_TRUE(m.edited);
    EXPECT_EQ(m.chars.size(), a.chars.size() + b.chars.size() + 1) << "characters kept, with the joining space";
    const auto after = dbWords(scannedPage);
    EXPECT_EQ(after.size(), before.size() - 1);
    expectOrderContiguous(after);
    for (const EditRecord& e : dbWordEdits(scannedPage))
        EXPECT_EQ(e.action, QStringLiteral("merge"));

    session->undoStack()->undo();
    EXPECT_EQ(describeAll(dbWords(scannedPage)), describeAll(before));
    session->undoStack()->redo();
    EXPECT_EQ(describeAll(dbWords(scannedPage)), describeAll(after));

    // Merging then splitting at the space gives the two words back where they met.
    ASSERT_TRUE(session->splitWord(a.id, a.text.size() + 1));
    const auto split = dbWords(scannedPage);
    ASSERT_EQ(split.size(), before.size());
    EXPECT_EQ(split[i].text, a.text);
    EXPECT_EQ(split[i + 1].text, b.text);
    EXPECT_EQ(split[i].box.x1, a.box.x1);
    EXPECT_EQ(split[i + 1].box.x0, b.box.x0);

    // Words of two pages cannot be merged.
    const WordId otherPage = session->words(textPage).front().id;
    EXPECT_FALSE(session->mergeWords({a.id, otherPage}));
    EXPECT_FALSE(errors.isEmpty());
}

TEST_F(SessionTest, SplitWordByCharacterBoxesDoUndoRedo)
{
    const auto before = session->words(scannedPage);
    const WordRecord w = scannedWordWithChars(4);
    ASSERT_TRUE(session->splitWord(w.id, 2));
    const auto after = dbWords(scannedPage);
    ASSERT_EQ(after.size(), before.size() + 1);
    expectOrderContiguous(after);
    const WordRecord left = dbWord(w.id);
    const WordRecord right = after[static_cast<std::size_t>(left.order) + 1];
    EXPECT_EQ(left.text, w.text.left(2));
    EXPECT_EQ(right.text, w.text.mid(2));
    EXPECT_EQ(left.box.x1, std::max(w.chars[0].box.x1, w.chars[1].box.x1)) << "cut after the second character";
    EXPECT_EQ(right.box.x0, std::min(w.chars[2].box.x0, w.chars[3].box.x0));
    EXPECT_EQ(left.box.x0, w.box.x0);
    EXPECT_EQ(right.box.x1, w.box.x1);
    EXPECT_EQ(left.chars.size(), 2u);
    EXPECT_EQ(right.chars.size(), w.chars.size() - 2);
    EXPECT_EQ(left.ocrText, std::optional<QString>(w.text));
    EXPECT_EQ(right.line, w.line);
    const auto edits = dbWordEdits(scannedPage);
    ASSERT_EQ(edits.size(), 2u);
    EXPECT_EQ(edits[0].action, QStringLiteral("split"));

    session->undoStack()->undo();
    EXPECT_EQ(describeAll(dbWords(scannedPage)), describeAll(before));
    session->undoStack()->redo();
    EXPECT_EQ(describeAll(dbWords(scannedPage)), describeAll(after));

    EXPECT_FALSE(session->splitWord(w.id, 0)) << "a cut outside the word";
    EXPECT_EQ(errors.size(), 1);
}

TEST_F(SessionTest, SplitWordWithoutCharactersIsProportional)
{
    const WordRecord w = scannedWordWithChars(3);
    ASSERT_TRUE(session->setWordText(w.id, QStringLiteral("abcdef"))); // an edited text has no characters
    EXPECT_TRUE(dbWord(w.id).chars.empty());
    ASSERT_TRUE(session->splitWord(w.id, 2));
    const WordRecord left = dbWord(w.id);
    EXPECT_EQ(left.text, QStringLiteral("ab"));
    const int cut = w.box.x0 + static_cast<int>(std::lround(w.box.width() * 2.0 / 6.0));
    EXPECT_EQ(left.box.x1, cut);
    const auto words = dbWords(scannedPage);
    EXPECT_EQ(words[static_cast<std::size_t>(left.order) + 1].text, QStringLiteral("cdef"));
    EXPECT_EQ(words[static_cast<std::size_t>(left.order) + 1].box.x0, cut);
    session->undoStack()->undo();
    EXPECT_EQ(dbWord(w.id).text, QStringLiteral("abcdef"));
    session->undoStack()->undo();
    EXPECT_EQ(describe(dbWord(w.id)), describe(w));
}

TEST_F(SessionTest, PageReviewDoUndoRedo)
{
    QSignalSpy spy(session.get(), &ProjectSession::pageChanged);
    ASSERT_TRUE(session->setPageReview(scannedPage, ReviewStatus::Reviewed));
    EXPECT_EQ(spy.count(), 1);
    EXPECT_EQ(spy.at(0).at(0).value<PageId>(), scannedPage);
    EXPECT_EQ(other->page(scannedPage)->review, ReviewStatus::Reviewed);
    EXPECT_EQ(dbEdits(scannedPage).back().action, QStringLiteral("review"));
    session->undoStack()->undo();
    EXPECT_EQ(other->page(scannedPage)->review, ReviewStatus::New);
    session->undoStack()->redo();
    EXPECT_EQ(other->page(scannedPage)->review, ReviewStatus::Reviewed);
    EXPECT_EQ(spy.count(), 3);
}

TEST_F(SessionTest, FirstWordEditStartsThePageReviewAndUndoPutsItBack)
{
    ASSERT_EQ(other->page(scannedPage)->review, ReviewStatus::New);
    QSignalSpy pageSpy(session.get(), &ProjectSession::pageChanged);
    const WordRecord w = session->words(scannedPage).front();
    ASSERT_TRUE(session->setWordText(w.id, QStringLiteral("Corrected")));
    EXPECT_EQ(other->page(scannedPage)->review, ReviewStatus::InProgress);
    EXPECT_EQ(other->page(textPage)->review, ReviewStatus::New) << "only the edited page";
    EXPECT_GE(pageSpy.count(), 1) << "the thumbnails hear of it";
    EXPECT_EQ(session->undoStack()->count(), 1) << "one undo step for the edit and its review status";

    // A second edit on the page leaves it in progress and adds no review edit.
    const auto reviewEdits = [&] {
        int n = 0;
        for (const EditRecord& e : dbEdits(scannedPage))
            n += e.action == QLatin1String("review") && !e.undone;
        return n;
    };
    ASSERT_TRUE(session->setWordBox(w.id, {w.box.x0, w.box.y0, w.box.x1 + 3, w.box.y1}));
    EXPECT_EQ(reviewEdits(), 1);
    session->undoStack()->undo(); // the box
    EXPECT_EQ(other->page(scannedPage)->review, ReviewStatus::InProgress);
    session->undoStack()->undo(); // the text: the page is new again
    EXPECT_EQ(other->page(scannedPage)->review, ReviewStatus::New);
    EXPECT_EQ(dbWord(w.id).text, w.text);
    session->undoStack()->redo();
    EXPECT_EQ(other->page(scannedPage)->review, ReviewStatus::InProgress);
    EXPECT_EQ(dbWord(w.id).text, QStringLiteral("Corrected"));

    // A page already reviewed stays reviewed when a word on it changes.
    ASSERT_TRUE(session->setPageReview(textPage, ReviewStatus::Reviewed));
    const WordRecord t = session->words(textPage).front();
    ASSERT_TRUE(session->setWordText(t.id, QStringLiteral("Again")));
    EXPECT_EQ(other->page(textPage)->review, ReviewStatus::Reviewed);
    EXPECT_TRUE(errors.isEmpty()) << qPrintable(errors.join(QLatin1Char('\n')));
}

TEST_F(SessionTest, WordsReviewedDoUndoRedo)
{
    const auto words = session->words(textPage);
    const QList<WordId> ids{words[0].id, words[3].id};
    ASSERT_TRUE(session->setWordsReviewed(ids, true));
    EXPECT_TRUE(dbWord(ids[0]).reviewed);
    EXPECT_TRUE(dbWord(ids[1]).reviewed);
    EXPECT_EQ(dbEdits(textPage).size(), 3u) << "two words, and the page's review now in progress";
    EXPECT_EQ(dbEdits(textPage)[0].action, QStringLiteral("reviewed"));
    EXPECT_EQ(dbEdits(textPage)[2].action, QStringLiteral("review"));
    session->undoStack()->undo();
    EXPECT_FALSE(dbWord(ids[0]).reviewed);
    session->undoStack()->redo();
    EXPECT_TRUE(dbWord(ids[1]).reviewed);
}

TEST_F(SessionTest, AFailedWriteIsReportedAndNotPushed)
{
    // Another program holds the write lock past the busy timeout.
    const WordRecord w = session->words(scannedPage).front();
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(QFile::encodeName(path).constData(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
    QSignalSpy errorSpy(session.get(), &ProjectSession::errorOccurred);
    EXPECT_FALSE(session->setWordText(w.id, QStringLiteral("blocked")));
    sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(db);
    ASSERT_EQ(errorSpy.count(), 1);
    EXPECT_TRUE(errorSpy.at(0).at(0).toString().contains(QStringLiteral("locked")))
        << qPrintable(errorSpy.at(0).at(0).toString());
    EXPECT_EQ(session->undoStack()->count(), 0);
    EXPECT_EQ(dbWord(w.id).text, w.text);
    EXPECT_TRUE(dbEdits(scannedPage).empty());
}

TEST_F(SessionTest, AnUndoThatCannotApplyIsReportedAndDropped)
{
    const auto words = session->words(scannedPage);
    ASSERT_TRUE(session->setWordText(words[0].id, QStringLiteral("one")));
    ASSERT_TRUE(session->setWordText(words[1].id, QStringLiteral("two")));
    // Something else (another window, a script) deletes the second word.
    ASSERT_TRUE(other->deleteWord(words[1].id).ok());
    session->undoStack()->undo();
    EXPECT_EQ(errors.size(), 1);
    EXPECT_EQ(session->undoStack()->count(), 1) << "the command that cannot be undone is dropped";
    EXPECT_EQ(dbWord(words[0].id).text, QStringLiteral("one"));
    session->undoStack()->undo();
    EXPECT_EQ(dbWord(words[0].id).text, words[0].text);
}

TEST_F(SessionTest, LabelsAddAndUpdate)
{
    QSignalSpy spy(session.get(), &ProjectSession::labelsChanged);
    ASSERT_TRUE(session->addLabel({0, QStringLiteral("WEAPON"), QStringLiteral("#123456"), QString()}));
    EXPECT_EQ(spy.count(), 1);
    auto labels = *other->labels();
    ASSERT_EQ(labels.size(), 10u);
    LabelRecord weapon = labels.back();
    EXPECT_EQ(weapon.name, QStringLiteral("WEAPON"));
    weapon.name = QStringLiteral("FIREARM");
    weapon.color = QStringLiteral("#abcdef");
    weapon.shortcut = QStringLiteral("F");
    ASSERT_TRUE(session->updateLabel(weapon));
    labels = *other->labels();
    EXPECT_EQ(labels.back().name, QStringLiteral("FIREARM"));
    EXPECT_EQ(labels.back().color, QStringLiteral("#abcdef"));
    EXPECT_EQ(labels.back().shortcut, QStringLiteral("F"));
    weapon.name = QStringLiteral("PERSON");
    EXPECT_FALSE(session->updateLabel(weapon)) << "names are unique";
    EXPECT_FALSE(session->addLabel({0, QStringLiteral("DATE"), QStringLiteral("#000000"), QString()}));
    EXPECT_EQ(errors.size(), 2);
}

// ---- what the undo entries say, and which ones merge ------------------------------------------------

TEST_F(SessionTest, UndoEntriesNameTheChangeAndItsWords)
{
    auto* stack = session->undoStack();
    const auto words = session->words(scannedPage);
    ASSERT_GT(words.size(), 12u);
    auto q = [](const QString& t) { return QStringLiteral("'%1'").arg(t); };

    ASSERT_TRUE(session->setWordText(words[0].id, QStringLiteral("P.")));
    EXPECT_EQ(stack->undoText(), QStringLiteral("Text %1 → 'P.'").arg(q(words[0].text)));
    ASSERT_TRUE(session->setWordText(words[0].id, QStringLiteral("an uncommonly long correction of one word")));
    EXPECT_EQ(stack->undoText(), QStringLiteral("Text 'P.' → 'an uncommonly long corr…'")) << "long texts are elided";

    const PixelBox b = words[1].box;
    ASSERT_TRUE(session->setWordBox(words[1].id, {b.x0 + 1, b.y0, b.x1 + 1, b.y1}));
    EXPECT_EQ(stack->undoText(), QStringLiteral("Box of %1").arg(q(words[1].text)));
    const PixelBox c = words[2].box;
    ASSERT_TRUE(
        session->setWordBoxes({{words[1].id, {b.x0, b.y0, b.x1, b.y1}}, {words[2].id, {c.x0, c.y0, c.x1 + 1, c.y1}}}));
    EXPECT_EQ(stack->undoText(), QStringLiteral("Boxes of %1, %2").arg(q(words[1].text), q(words[2].text)));

    const LabelId person = session->labels()[0].id;
    ASSERT_TRUE(session->setWordsLabel({words[3].id, words[4].id, words[5].id}, person));
    EXPECT_EQ(stack->undoText(), QStringLiteral("Label PERSON on 3 words"));
    ASSERT_TRUE(session->setWordsLabel({words[3].id}, std::nullopt));
    EXPECT_EQ(stack->undoText(), QStringLiteral("Clear label on %1").arg(q(words[3].text)));
    ASSERT_TRUE(session->setWordsLabel({words[3].id}, person));
    EXPECT_EQ(stack->undoText(), QStringLiteral("Label PERSON on %1").arg(q(words[3].text)));

    const WordId added = session->addWord(scannedPage, {10, 10, 60, 30}, QStringLiteral("drawn"));
    ASSERT_NE(added, 0);
    EXPECT_EQ(stack->undoText(), QStringLiteral("Add 'drawn'"));
    ASSERT_NE(session->addWord(scannedPage, {10, 40, 60, 60}, QString()), 0);
    EXPECT_EQ(stack->undoText(), QStringLiteral("Add box"));

    ASSERT_TRUE(session->deleteWords({words[6].id, words[7].id}));
    EXPECT_EQ(stack->undoText(), QStringLiteral("Delete %1, %2").arg(q(words[6].text), q(words[7].text)));

    // Merge names the text it makes (reading order, whatever the selection's order).
    ASSERT_TRUE(session->setWordText(words[8].id, QStringLiteral("foo")));
    ASSERT_TRUE(session->setWordText(words[9].id, QStringLiteral("bar")));
    ASSERT_TRUE(session->mergeWords({words[9].id, words[8].id}));
    EXPECT_EQ(stack->undoText(), QStringLiteral("Merge 'foo bar'"));
    ASSERT_TRUE(session->setWordText(words[8].id, QStringLiteral("foobar")));
    ASSERT_TRUE(session->splitWord(words[8].id, 3));
    EXPECT_EQ(stack->undoText(), QStringLiteral("Split 'foobar' → 'foo' + 'bar'"));

    ASSERT_TRUE(session->setWordsReviewed({words[10].id}, true));
    EXPECT_EQ(stack->undoText(), QStringLiteral("Mark %1 reviewed").arg(q(words[10].text)));
    // Accept names the word (a flagged one: set behind the session's back, as a second reader would).
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(QFile::encodeName(path).constData(), &db), SQLITE_OK);
    const QByteArray flag = "UPDATE words SET flagged = 1 WHERE id = " + QByteArray::number(words[11].id);
    ASSERT_EQ(sqlite3_exec(db, flag.constData(), nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
    ASSERT_TRUE(session->acceptWord(words[11].id));
    EXPECT_EQ(stack->undoText(), QStringLiteral("Accept %1").arg(q(words[11].text)));

    ASSERT_TRUE(session->setPageReview(scannedPage, ReviewStatus::Reviewed));
    EXPECT_EQ(stack->undoText(), QStringLiteral("Mark page %1 reviewed").arg(session->page(scannedPage)->number));

    // Re-OCR names the words it replaces.
    const auto now = session->words(scannedPage);
    const WordRecord target = now.back();
    RecognizedWord read;
    read.text = QStringLiteral("reread");
    read.box = target.box;
    ASSERT_TRUE(session->replaceWordsByOcr(scannedPage, {target.id}, {read}).has_value());
    EXPECT_EQ(stack->undoText(), QStringLiteral("Re-OCR %1").arg(q(target.text)));

    // More than three words are counted, not named.
    QList<WordId> five;
    for (std::size_t i = 0; i < 5; ++i)
        five << now[i].id;
    ASSERT_TRUE(session->deleteWords(five));
    EXPECT_EQ(stack->undoText(), QStringLiteral("Delete 5 words"));
    // Undo and redo keep the names.
    stack->undo();
    EXPECT_EQ(stack->redoText(), QStringLiteral("Delete 5 words"));
    EXPECT_TRUE(errors.isEmpty()) << qPrintable(errors.join('\n'));
}

namespace {

// The box of a word as the project file holds it, read by a plain SQLite connection.
PixelBox fileBox(const QString& path, WordId word)
{
    sqlite3* db = nullptr;
    PixelBox b;
    EXPECT_EQ(sqlite3_open_v2(QFile::encodeName(path).constData(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    const QByteArray sql = "SELECT x0, y0, x1, y1 FROM words WHERE id = " + QByteArray::number(word);
    EXPECT_EQ(sqlite3_prepare_v2(db, sql.constData(), -1, &st, nullptr), SQLITE_OK);
    if (sqlite3_step(st) == SQLITE_ROW)
        b = {sqlite3_column_int(st, 0), sqlite3_column_int(st, 1), sqlite3_column_int(st, 2),
             sqlite3_column_int(st, 3)};
    else
        ADD_FAILURE() << "word " << word << " is not in the file";
    sqlite3_finalize(st);
    sqlite3_close(db);
    return b;
}

} // namespace

TEST_F(SessionTest, NudgesOfOneBoxWithinAMomentAreOneUndoEntry)
{
    auto* stack = session->undoStack();
    session->setUndoMergeWindow(std::chrono::hours(1)); // however slow the machine: one moment
    const WordRecord w = scannedWordWithChars(3);
    const PixelBox original = fileBox(path, w.id);
    ASSERT_EQ(original, w.box);
    PixelBox b = w.box;
    for (int i = 0; i < 14; ++i) { // what one box fix took: moves and resizes
        b = i % 2 ? PixelBox{b.x0, b.y0, b.x1 + 1, b.y1} : PixelBox{b.x0 + 1, b.y0 + 1, b.x1 + 1, b.y1 + 1};
        ASSERT_TRUE(session->setWordBox(w.id, b));
    }
    EXPECT_EQ(stack->count(), 1);
    EXPECT_EQ(stack->undoText(), QStringLiteral("Box of '%1'").arg(w.text));
    EXPECT_EQ(fileBox(path, w.id), b);
    EXPECT_EQ(dbWordEdits(scannedPage).size(), 14u) << "the history keeps every nudge";

    stack->undo();
    EXPECT_EQ(fileBox(path, w.id), original) << "one undo puts the box back as it was before the first nudge";
    EXPECT_EQ(describe(dbWord(w.id)), describe(w));
    EXPECT_EQ(session->page(scannedPage)->review, ReviewStatus::New) << "the review the first nudge started, too";
    for (const EditRecord& e : dbEdits(scannedPage))
        EXPECT_TRUE(e.undone);
    stack->redo();
    EXPECT_EQ(fileBox(path, w.id), b);
    EXPECT_EQ(session->page(scannedPage)->review, ReviewStatus::InProgress);

    // Another word's box, or another kind of change, starts a new entry.
    const WordRecord v = scannedWordWithChars(3, 1);
    ASSERT_TRUE(session->setWordBox(v.id, {v.box.x0 + 1, v.box.y0, v.box.x1 + 1, v.box.y1}));
    EXPECT_EQ(stack->count(), 2);
    ASSERT_TRUE(session->setWordText(w.id, QStringLiteral("x")));
    ASSERT_TRUE(session->setWordBox(w.id, w.box));
    EXPECT_EQ(stack->count(), 4);

    // Several words nudged together are one command, and merge like one word's.
    PixelBox bw = w.box, bv = dbWord(v.id).box;
    for (int i = 0; i < 5; ++i) {
        bw = {bw.x0, bw.y0 + 1, bw.x1, bw.y1 + 1};
        bv = {bv.x0, bv.y0 + 1, bv.x1, bv.y1 + 1};
        ASSERT_TRUE(session->setWordBoxes({{w.id, bw}, {v.id, bv}}));
    }
    EXPECT_EQ(stack->count(), 5);
    stack->undo();
    EXPECT_EQ(fileBox(path, w.id), w.box);
    EXPECT_EQ(fileBox(path, v.id), PixelBox(v.box.x0 + 1, v.box.y0, v.box.x1 + 1, v.box.y1));
    stack->redo();
    EXPECT_EQ(fileBox(path, w.id), bw);
    EXPECT_EQ(fileBox(path, v.id), bv);
    EXPECT_TRUE(errors.isEmpty()) << qPrintable(errors.join('\n'));
}

TEST_F(SessionTest, NudgesFurtherApartThanTheWindowAreSeparateEntries)
{
    auto* stack = session->undoStack();
    EXPECT_EQ(session->undoMergeWindow(), std::chrono::milliseconds(1500)) << "the default moment";
    session->setUndoMergeWindow(std::chrono::milliseconds(20));
    const WordRecord w = scannedWordWithChars(3);
    PixelBox b = w.box;
    auto nudge = [&] {
        b = {b.x0 + 1, b.y0, b.x1 + 1, b.y1};
        ASSERT_TRUE(session->setWordBox(w.id, b));
    };
    nudge();
    QElapsedTimer t;
    t.start();
    while (t.elapsed() <= 40) // just past the window
        QThread::msleep(5);
    nudge();
    EXPECT_EQ(stack->count(), 2);
    stack->undo();
    EXPECT_EQ(dbWord(w.id).box, PixelBox(w.box.x0 + 1, w.box.y0, w.box.x1 + 1, w.box.y1));
    stack->undo();
    EXPECT_EQ(dbWord(w.id).box, w.box);
    // A failed nudge (an empty box) merges into nothing and leaves the entry as it was.
    session->setUndoMergeWindow(std::chrono::hours(1));
    stack->redo();
    EXPECT_FALSE(session->setWordBox(w.id, {b.x0, b.y0, b.x0, b.y1}));
    EXPECT_EQ(stack->count(), 1);
    stack->undo();
    EXPECT_EQ(dbWord(w.id).box, w.box);
}

// ---- labels ---------------------------------------------------------------------------------------------

TEST_F(SessionTest, DeleteLabelLeavesItsWordsWithoutALabel)
{
    const auto words = session->words(scannedPage);
    const LabelId person = session->labels()[0].id;
    const QList<WordId> ids{words[0].id, words[1].id, words[2].id};
    ASSERT_TRUE(session->setWordsLabel(ids, person));
    EXPECT_EQ(session->labelWordCount(person), 3);
    EXPECT_EQ(session->labelWordCount(session->labels()[1].id), 0);

    QSignalSpy labelsSpy(session.get(), &ProjectSession::labelsChanged);
    QSignalSpy wordsSpy(session.get(), &ProjectSession::wordsChanged);
    ASSERT_TRUE(session->deleteLabel(person));
    EXPECT_EQ(labelsSpy.count(), 1);
    ASSERT_EQ(wordsSpy.count(), 1);
    EXPECT_EQ(wordsSpy.at(0).at(0).value<PageId>(), scannedPage);
    EXPECT_EQ(other->labels()->size(), 8u);
    for (std::size_t i = 0; i < 3; ++i) {
        const WordRecord d = dbWord(ids[int(i)]);
        EXPECT_FALSE(d.labelId.has_value());
        EXPECT_EQ(d.text, words[i].text);
    }
    EXPECT_EQ(session->undoStack()->count(), 1) << "the deletion is not an undo entry";
    // Undo and redo of the labelling still work; the label cannot come back.
    session->undoStack()->undo();
    EXPECT_EQ(describe(dbWord(ids[0])), describe(words[0]));
    session->undoStack()->redo();
    EXPECT_FALSE(dbWord(ids[0]).labelId.has_value());
    EXPECT_TRUE(errors.isEmpty()) << qPrintable(errors.join('\n'));

    // A project locked by another program: an error, nothing half written.
    const LabelId date = session->labels()[0].id;
    ASSERT_TRUE(session->setWordsLabel({words[5].id}, date));
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(QFile::encodeName(path).constData(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
    EXPECT_FALSE(session->deleteLabel(date));
    sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(db);
    EXPECT_EQ(errors.size(), 1);
    EXPECT_EQ(other->labels()->size(), 8u);
    EXPECT_EQ(dbWord(words[5].id).labelId, std::optional<LabelId>(date));
    EXPECT_FALSE(session->deleteLabel(4242));
}

TEST_F(SessionTest, NotificationsFromThePipeline)
{
    QSignalSpy words(session.get(), &ProjectSession::wordsChanged);
    QSignalSpy pages(session.get(), &ProjectSession::pageChanged);
    QSignalSpy docs(session.get(), &ProjectSession::documentsChanged);
    session->notifyPageProcessed(1, scannedPage);
    session->notifyDocumentsChanged();
    EXPECT_EQ(words.count(), 1);
    EXPECT_EQ(pages.count(), 1);
    EXPECT_EQ(docs.count(), 1);
}

// kill -9 while editing: every edit the helper reported done is in the project on reopen.
TEST_F(SessionTest, KilledDuringEditingLosesNoReportedEdit)
{
    session.reset();
    other.reset();
    QProcess helper;
    helper.setProgram(test::builtProgram(QStringLiteral("tests/ui/session_edit_helper")));
    helper.setArguments({path, QStringLiteral("400")});
    helper.start();
    ASSERT_TRUE(helper.waitForStarted());
    QByteArray out;
    QElapsedTimer timer;
    timer.start();
    // Kill in the middle of the run, while edits are being written.
    while (out.count("done ") < 60 && timer.elapsed() < 60000) {
        helper.waitForReadyRead(100);
        out += helper.readAllStandardOutput();
    }
    ASSERT_EQ(::kill(static_cast<pid_t>(helper.processId()), SIGKILL), 0);
    helper.waitForFinished();
    out += helper.readAllStandardOutput();
    EXPECT_EQ(helper.exitStatus(), QProcess::CrashExit);
    std::map<WordId, int> lastEdit;
    int reported = 0;
    for (const QByteArray& line : out.split('\n')) {
        const QList<QByteArray> parts = line.split(' ');
        if (parts.size() == 3 && parts[0] == "done") {
            lastEdit[parts[2].toLongLong()] = parts[1].toInt();
            ++reported;
        }
    }
    ASSERT_GE(reported, 60);
    EXPECT_LT(reported, 400) << "the kill must land while edits are being written";
    std::printf("[ measure  ] kill -9 after %d reported edits (of 400)\n", reported);

    auto store = ProjectStore::open(path);
    ASSERT_TRUE(store.ok()) << qPrintable(store.error().message);
    for (const auto& [id, k] : lastEdit) {
        auto w = (*store)->word(id);
        ASSERT_TRUE(w.ok() && w->has_value());
        EXPECT_EQ((**w).text, QStringLiteral("edit-%1").arg(k)) << "word " << id;
    }
    store->reset();
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open_v2(QFile::encodeName(path).constData(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, nullptr), SQLITE_OK);
    ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
    EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)), "ok");
    sqlite3_finalize(st);
    sqlite3_close(db);
}

// Measurement, not a pass/fail figure: setWordText() call to committed, 200 edits.
TEST_F(SessionTest, MeasureEditCommitTime)
{
    const auto words = session->words(scannedPage);
    ASSERT_GE(words.size(), 20u);
    std::vector<double> ms;
    for (int k = 0; k < 200; ++k) {
        QElapsedTimer t;
        t.start();
        ASSERT_TRUE(
            session->setWordText(words[static_cast<std::size_t>(k) % words.size()].id, QStringLiteral("m%1").arg(k)));
        ms.push_back(t.nsecsElapsed() / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    std::printf("[ measure  ] setWordText -> committed: median %.2f ms, p90 %.2f ms, max %.2f ms (200 edits)\n",
                ms[100], ms[180], ms.back());
    EXPECT_EQ(dbWord(words[199 % words.size()].id).text, QStringLiteral("m199"));
}

} // namespace

TEST_F(SessionTest, FormsGroupLabelLinkAndUngroupAreUndoSteps)
{
    const auto words = session->words(scannedPage);
    ASSERT_GE(words.size(), 6u);
    QSignalSpy formChanged(session.get(), &ProjectSession::formChanged);
    // Given out of order: the entity keeps reading order.
    const EntityId key = session->groupWords({words[1].id, words[0].id}, QStringLiteral("question"));
    ASSERT_GT(key, 0);
    EXPECT_EQ(session->undoStack()->undoText().left(6), QStringLiteral("Group "));
    const EntityId value = session->groupWords({words[2].id, words[3].id});
    ASSERT_GT(value, 0);
    ASSERT_TRUE(session->setEntitiesLabel({value}, QStringLiteral("answer")));
    ASSERT_TRUE(session->setEntityField(value, QStringLiteral("person_name")));
    const LinkId link = session->linkEntities(key, value);
    ASSERT_GT(link, 0);
    EXPECT_GE(formChanged.count(), 5);
    EXPECT_EQ(formChanged.last().at(0).value<PageId>(), scannedPage);

    PageForm f = session->form(scannedPage);
    ASSERT_EQ(f.entities.size(), 2u);
    EXPECT_EQ(f.entities[0].words, (std::vector<WordId>{words[0].id, words[1].id}));
    EXPECT_EQ(f.entities[1].label, QStringLiteral("answer"));
    EXPECT_EQ(f.entities[1].field, QStringLiteral("person_name"));
    ASSERT_EQ(f.links.size(), 1u);

    // A link to itself is refused with a message and leaves nothing on the undo stack.
    QSignalSpy errors(session.get(), &ProjectSession::errorOccurred);
    const int steps = session->undoStack()->count();
    EXPECT_EQ(session->linkEntities(key, key), 0);
    EXPECT_EQ(errors.count(), 1);
    EXPECT_EQ(session->undoStack()->count(), steps);

    ASSERT_TRUE(session->ungroup({value}));
    f = session->form(scannedPage);
    EXPECT_EQ(f.entities.size(), 1u);
    EXPECT_TRUE(f.links.empty());
    session->undoStack()->undo(); // ungroup
    EXPECT_EQ(session->form(scannedPage).links.size(), 1u);
    for (int i = 0; i < 5; ++i)
        session->undoStack()->undo();
    EXPECT_TRUE(session->form(scannedPage).entities.empty());
    for (int i = 0; i < 5; ++i)
        session->undoStack()->redo();
    f = session->form(scannedPage);
    EXPECT_EQ(f.entities.size(), 2u);
    EXPECT_EQ(f.links.size(), 1u);
}

TEST_F(SessionTest, ProposalsAreAcceptedOrRejectedInOneStep)
{
    const auto words = session->words(scannedPage);
    PageForm proposal;
    EntityRecord k, v;
    k.words = {words[0].id};
    k.label = QStringLiteral("question");
    v.words = {words[1].id};
    v.label = QStringLiteral("answer");
    k.source = v.source = proposalSource();
    k.proposed = v.proposed = true;
    proposal.entities = {k, v};
    LinkRecord l;
    l.from = 0;
    l.to = 1;
    l.source = proposalSource();
    l.proposed = true;
    proposal.links = {l};
    ASSERT_TRUE(session->addForm(scannedPage, proposal, QStringLiteral("Proposals")));
    PageForm f = session->form(scannedPage);
    ASSERT_EQ(f.links.size(), 1u);
    ASSERT_TRUE(session->acceptProposals({}, {f.links[0].id})); // accepting the link accepts its ends
    f = session->form(scannedPage);
    EXPECT_FALSE(f.links[0].proposed);
    EXPECT_FALSE(f.entities[0].proposed);
    EXPECT_FALSE(f.entities[1].proposed);
    session->undoStack()->undo();
    EXPECT_TRUE(session->form(scannedPage).links[0].proposed);
    ASSERT_TRUE(session->rejectProposals({f.entities[0].id, f.entities[1].id}, {f.links[0].id}));
    EXPECT_TRUE(session->form(scannedPage).entities.empty());
    session->undoStack()->undo();
    EXPECT_EQ(session->form(scannedPage).entities.size(), 2u);
}

TEST_F(SessionTest, ProposalsOnAPageAreOneUndoStepAndCarryingNeedsAnAcceptedForm)
{
    const auto [entities, links] = session->proposeOnPage(scannedPage);
    ASSERT_GT(entities, 3);
    PageForm f = session->form(scannedPage);
    EXPECT_EQ(static_cast<int>(f.entities.size()), entities);
    EXPECT_EQ(static_cast<int>(f.links.size()), links);
    for (const EntityRecord& e : f.entities) {
        EXPECT_TRUE(e.proposed);
        EXPECT_EQ(e.source, proposalSource());
    }
    // Proposing again proposes nothing new: every word is in an entity, every proposed pair linked.
    const int steps = session->undoStack()->count();
    const auto [again, againLinks] = session->proposeOnPage(scannedPage);
    EXPECT_EQ(again, 0);
    EXPECT_EQ(againLinks, 0);
    EXPECT_EQ(session->undoStack()->count(), steps); // nothing changed: no undo step
    session->undoStack()->undo();
    EXPECT_TRUE(session->form(scannedPage).entities.empty());

    // Carrying from a page with proposals only: refused with a message.
    session->undoStack()->redo();
    QSignalSpy errors(session.get(), &ProjectSession::errorOccurred);
    EXPECT_EQ(std::get<0>(session->carryFormFrom(scannedPage)), -1);
    EXPECT_EQ(errors.count(), 1);
}
