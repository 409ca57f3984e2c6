// A photographed page's corners placed by a person (schema 6: pages.photo): the geometry changes, the
// words follow it from the old flat page onto the new one through the photo, and the page is read again.
// The words a person edited or drew are recorded one by one (undo puts back their exact boxes); the
// others follow unrecorded, undo and redo carrying them again, since the next OCR of the page replaces
// them anyway (an edit of theirs could no longer be undone once it has).
#include "core/storage/char_codec.h"
#include "core/storage/project_store_p.h"

#include <QJsonDocument>
#include <QPolygonF>

#include <algorithm>
#include <cmath>
#include <set>

namespace incidoc {

using namespace storage;

namespace {

constexpr const char* kPhotoAction = "photo";

/// One projective step that knows which side of its horizon the page lies on (the sign of w at a point
/// of the page): a point on the other side has no image.
struct Projective {
    QTransform t;
    double side = 1;

    Projective() = default;
    Projective(const QTransform& transform, QPointF inside) : t(transform)
    {
        const double w = t.m13() * inside.x() + t.m23() * inside.y() + t.m33();
        side = w < 0 ? -1 : 1;
    }
    std::optional<QPointF> map(QPointF p) const
    {
        const double w = (t.m13() * p.x() + t.m23() * p.y() + t.m33()) * side;
        if (!(w > 1e-9))
            return std::nullopt;
        return QPointF((t.m11() * p.x() + t.m21() * p.y() + t.m31()) * side / w,
                       (t.m12() * p.x() + t.m22() * p.y() + t.m32()) * side / w);
    }
};

QPointF centroid(const std::array<QPointF, 4>& c)
{
    return (c[0] + c[1] + c[2] + c[3]) / 4.0;
}

/// Old page pixels -> photo pixels -> new page pixels, then onto the new page.
class PageCarry {
public:
    PageCarry(const std::optional<PhotoGeometry>& from, const std::optional<PhotoGeometry>& to, QSize page)
        : m_page(page)
    {
        // A page that is not flattened is the photo itself: the identity.
        if (from && from->isFlattened())
            m_toPhoto = Projective(from->pageToPhoto(), QPointF(from->pageSize.width(), from->pageSize.height()) / 2);
        if (to && to->isFlattened())
            m_toPage = Projective(to->photoToPage(), centroid(to->corners));
    }

    /// The box carried over: the four corners carried, each side of the box where its two corners went on
    /// average (not their bounding box, which would grow with every tilt and never come back the same
    /// through undo); nullopt when a corner has no image.
    std::optional<QRectF> mapRect(const PixelBox& b) const
    {
        std::array<QPointF, 4> p; // top left, top right, bottom right, bottom left
        const std::array<QPointF, 4> corners{QPointF(b.x0, b.y0), QPointF(b.x1, b.y0), QPointF(b.x1, b.y1),
                                             QPointF(b.x0, b.y1)};
        for (std::size_t i = 0; i < 4; ++i) {
            const auto photo = m_toPhoto.map(corners[i]);
            const auto page = photo ? m_toPage.map(*photo) : std::nullopt;
            if (!page)
                return std::nullopt;
            p[i] = *page;
        }
        const QRectF sides(QPointF((p[0].x() + p[3].x()) / 2, (p[0].y() + p[1].y()) / 2),
                           QPointF((p[1].x() + p[2].x()) / 2, (p[2].y() + p[3].y()) / 2));
        if (sides.width() > 0 && sides.height() > 0)
            return sides;
        return QPolygonF(QList<QPointF>(p.begin(), p.end())).boundingRect(); // turned over: its extent
    }

    /// Where a box goes on the new page: its image cut to the page; wholly off the page (or with no
    /// image): its size (at most the page's, at least a pixel) at the nearest place on the page.
    PixelBox place(const PixelBox& old) const
    {
        const auto r = mapRect(old);
        const PixelBox b =
            r ? PixelBox{static_cast<int>(std::lround(r->left())), static_cast<int>(std::lround(r->top())),
                         static_cast<int>(std::lround(r->right())), static_cast<int>(std::lround(r->bottom()))}
              : old;
        const int pw = std::max(1, m_page.width()), ph = std::max(1, m_page.height());
        const PixelBox inside = b.intersected({0, 0, pw, ph});
        if (!inside.isEmpty())
            return inside;
        const int w = std::clamp(b.width(), 1, pw), h = std::clamp(b.height(), 1, ph);
        const int x0 = std::clamp(b.x0, 0, pw - w), y0 = std::clamp(b.y0, 0, ph - h);
        return {x0, y0, x0 + w, y0 + h};
    }

    /// The word's characters carried with it (each kept within the word's new box); empty when they do
    /// not decode.
    QByteArray chars(const WordRow& w, const PixelBox& box) const
    {
        if (w.chars.isEmpty())
            return {};
        auto decoded = decodeChars(w.chars, w.box, w.text);
        if (!decoded)
            return {};
        for (RecognizedChar& c : *decoded) {
            const PixelBox moved = place(c.box).intersected(box);
            c.box = moved.isEmpty() ? box : moved;
        }
        return encodeChars(*decoded, box, w.text);
    }

private:
    Projective m_toPhoto, m_toPage;
    QSize m_page;
};

bool isConvexClockwise(const std::array<QPointF, 4>& c)
{
    for (std::size_t i = 0; i < 4; ++i) {
        const QPointF a = c[(i + 1) % 4] - c[i];
        const QPointF b = c[(i + 2) % 4] - c[(i + 1) % 4];
        if (!(a.x() * b.y() - a.y() * b.x() > 0)) // clockwise on screen (y down), never straight
            return false;
    }
    return true;
}

QJsonObject boxJson(const PixelBox& b, const QByteArray& chars)
{
    return QJsonObject{{QStringLiteral("x0"), b.x0},
                       {QStringLiteral("y0"), b.y0},
                       {QStringLiteral("x1"), b.x1},
                       {QStringLiteral("y1"), b.y1},
                       {QStringLiteral("chars"), charsJson(chars.isEmpty() ? QByteArray() : chars)}};
}

/// The page's side of a "photo" edit: its geometry (null: never looked at), pixel size and DPI.
struct PageShape {
    std::optional<PhotoGeometry> photo;
    QSize size;
    int dpi = 0;

    QJsonObject toJson() const
    {
        return QJsonObject{
            {QStringLiteral("photo"), photo ? QJsonValue(photo->toJson()) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("width_px"), size.width()},
            {QStringLiteral("height_px"), size.height()},
            {QStringLiteral("dpi"), dpi}};
    }
    static PageShape fromJson(const QJsonObject& o)
    {
        PageShape s;
        const QJsonValue photo = o.value(QStringLiteral("photo"));
        if (photo.isObject())
            s.photo = PhotoGeometry::fromJson(photo.toObject());
        s.size = QSize(o.value(QStringLiteral("width_px")).toInt(), o.value(QStringLiteral("height_px")).toInt());
        s.dpi = o.value(QStringLiteral("dpi")).toInt();
        return s;
    }
};

struct PageRow {
    DocumentKind kind = DocumentKind::Pdf;
    PageStatus status = PageStatus::Queued;
    PageShape shape;
};

PageRow readPageRow(Db& db, PageId page)
{
    Query q(db, "SELECT d.kind, p.status, p.width_px, p.height_px, p.dpi, p.photo FROM pages p "
                "JOIN documents d ON d.id = p.document_id WHERE p.id = ?1");
    if (!q.bind(1, page).next())
        fail(ErrorCode::NotFound, QStringLiteral("page %1 does not exist").arg(page));
    PageRow r;
    r.kind = parseEnum(documentKindFromString(q.text(0)), DocumentKind::Pdf);
    r.status = parseEnum(pageStatusFromString(q.text(1)), PageStatus::Queued);
    r.shape.size = QSize(q.i32(2), q.i32(3));
    r.shape.dpi = q.i32(4);
    if (!q.isNull(5))
        r.shape.photo = PhotoGeometry::fromJsonText(q.text(5));
    return r;
}

/// Carries the page's words but `skip` from `from` onto `to`, unrecorded, and puts `to` in place: the
/// geometry, size and DPI, the page queued.
void carryPage(Db& db, PageId page, const PageShape& from, const PageShape& to, const std::set<WordId>& skip)
{
    const PageCarry carry(from.photo, to.photo, to.size);
    std::vector<WordRow> rows;
    {
        Query q(db, "SELECT id, x0, y0, x1, y1, text, chars FROM words WHERE page_id = ?1");
        q.bind(1, page);
        while (q.next()) {
            WordRow w;
            w.id = q.i64(0);
            w.box = {q.i32(1), q.i32(2), q.i32(3), q.i32(4)};
            w.text = q.text(5);
            w.chars = q.isNull(6) ? QByteArray() : q.blob(6);
            if (!skip.count(w.id))
                rows.push_back(std::move(w));
        }
    }
    for (const WordRow& w : rows) {
        const PixelBox box = carry.place(w.box);
        const QByteArray chars = carry.chars(w, box);
        Query q(db, "UPDATE words SET x0 = ?2, y0 = ?3, x1 = ?4, y1 = ?5, chars = ?6 WHERE id = ?1");
        q.bind(1, w.id).bind(2, box.x0).bind(3, box.y0).bind(4, box.x1).bind(5, box.y1);
        q.bind(6, chars.isEmpty() ? QByteArray() : chars).run();
    }
    Query q(db, "UPDATE pages SET photo = ?2, width_px = ?3, height_px = ?4, dpi = ?5, status = 'queued', "
                "failure = '', updated_at = ?6 WHERE id = ?1");
    q.bind(1, page);
    if (to.photo)
        q.bind(2, to.photo->toJsonText());
    else
        q.bind(2, nullptr);
    q.bind(3, to.size.width()).bind(4, to.size.height()).bind(5, to.dpi).bind(6, nowUtc()).run();
}

} // namespace

Status ProjectStore::setPagePhoto(PageId page, const PhotoGeometry& geometry, long long group)
{
    return guardedStatus([&] {
        if (m_impl->version < 6)
            fail(ErrorCode::InvalidInput, QStringLiteral("this project is older than photographed pages"));
        PhotoGeometry wanted = geometry;
        if (wanted.state == PhotoState::Flattened) {
            if (!wanted.pageSize.isValid() || wanted.pageSize.isEmpty())
                fail(ErrorCode::InvalidInput, QStringLiteral("a flattened page needs a size"));
            if (!isConvexClockwise(wanted.corners))
                fail(
                    ErrorCode::InvalidInput,
                    QStringLiteral("the page's corners must make a convex quadrilateral, clockwise from the top left"));
            bool invertible = false;
            (void)wanted.photoToPage().inverted(&invertible);
            if (!invertible)
                fail(ErrorCode::InvalidInput, QStringLiteral("the page's corners do not make a page"));
        }
        wanted.manual = true; // a person's choice: kept when the page is read again
        Transaction tx(m_impl->db);
        Db& db = m_impl->db;
        const PageRow row = readPageRow(db, page);
        if (row.kind != DocumentKind::Image)
            fail(ErrorCode::InvalidInput, QStringLiteral("only a page of an image file can be read as a photo"));
        if (row.shape.photo && row.shape.photo->toJsonText() == wanted.toJsonText())
            return; // nothing changes: no history entry, not read again

        PageShape to;
        to.photo = wanted;
        to.dpi = row.shape.dpi;
        if (wanted.isFlattened()) {
            to.size = wanted.pageSize;
            if (wanted.dpi > 0)
                to.dpi = wanted.dpi;
        } else if (wanted.photoSize.isValid() && !wanted.photoSize.isEmpty()) {
            to.size = wanted.photoSize;
        } else if (row.shape.photo && row.shape.photo->photoSize.isValid()) {
            to.size = row.shape.photo->photoSize;
        } else {
            to.size = row.shape.size; // never flattened: the page is the photo
        }

        const long long g = m_impl->groupOr(group);
        // The page first: undo (newest first) puts the person's words back before the page carries the
        // others, redo (oldest first) carries the others before setting the person's words.
        m_impl->recordEdit(g, page, std::nullopt, kPhotoAction, row.shape.toJson(), to.toJson());
        std::set<WordId> personWords;
        {
            Query q(db, "SELECT id FROM words WHERE page_id = ?1 AND (source = 'user' OR edited = 1) ORDER BY ord, id");
            q.bind(1, page);
            while (q.next())
                personWords.insert(q.i64(0));
        }
        carryPage(db, page, row.shape, to, personWords);
        const PageCarry carry(row.shape.photo, to.photo, to.size);
        for (WordId id : personWords) {
            const WordRow w = m_impl->requireWord(id);
            const PixelBox box = carry.place(w.box);
            const QByteArray chars = carry.chars(w, box);
            Query q(db, "UPDATE words SET x0 = ?2, y0 = ?3, x1 = ?4, y1 = ?5, chars = ?6 WHERE id = ?1");
            q.bind(1, id).bind(2, box.x0).bind(3, box.y0).bind(4, box.x1).bind(5, box.y1);
            q.bind(6, chars.isEmpty() ? QByteArray() : chars).run();
            m_impl->recordEdit(g, page, id, kPhotoAction, boxJson(w.box, w.chars), boxJson(box, chars));
        }
        tx.commit();
    });
}

void ProjectStore::Impl::applyPhotoEdit(const EditRecord& e, const QJsonObject& target, const QJsonObject& from)
{
    // The words this group records are put in place by their own edits.
    std::set<WordId> recorded;
    {
        Query q(db, "SELECT word_id FROM edits WHERE group_id = ?1 AND word_id IS NOT NULL");
        q.bind(1, e.groupId);
        while (q.next())
            recorded.insert(q.i64(0));
    }
    carryPage(db, e.pageId, PageShape::fromJson(from), PageShape::fromJson(target), recorded);
}

} // namespace incidoc
