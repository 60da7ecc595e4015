import CRsvg
import Foundation

/// Draws SVG into PDF in-process with librsvg and cairo. Text is shaped by
/// Pango and HarfBuzz, so Thai vowels and tone marks stack as they should, and
/// cairo embeds the subset of each font used. No C type leaves this file.
enum SVGRenderer {
    /// What the PDF's document information says.
    struct Metadata {
        var title: String
        var author: String
        var subject: String
        /// ISO 8601, e.g. "2024-03-15T00:00:00+07:00"; fixed so that rendering
        /// the same certificate twice gives the same bytes.
        var created: String
        /// Keywords; cairo 1.16 has no custom entries, so machine-readable
        /// data rides here (ASCII only, so it is written as plain text).
        var keywords: String
    }

    /// Why an SVG could not be drawn.
    enum Failure: Error, CustomStringConvertible {
        case parse(String)
        case noSize
        case draw(String)

        var description: String {
            switch self {
            case .parse(let message): "the SVG could not be read: \(message)"
            case .noSize: "the SVG has no width and height to make a page from"
            case .draw(let message): "the SVG could not be drawn: \(message)"
            }
        }
    }

    /// One PDF page the size of the SVG (its width and height, at 72 dpi so
    /// that millimetres come out as points).
    /// `lines` are drawn over the SVG with Pango, in the user space that
    /// `viewBox` maps onto the page (the SVG's default fit: scaled to fit,
    /// centred).
    static func pdf(svg: String, metadata: Metadata, lines: [PlacedText] = [],
                    viewBox: (x: Double, y: Double, width: Double, height: Double)? = nil) throws(Failure) -> Data {
        var error: UnsafeMutablePointer<GError>?
        let bytes = Array(svg.utf8)
        // No base file is given, so the drawing can reach no file or URL.
        let made = bytes.withUnsafeBufferPointer { buffer in
            rsvg_handle_new_from_data(buffer.baseAddress, gsize(buffer.count), &error)
        }
        guard let handle = made else { throw .parse(take(error)) }
        defer { g_object_unref(UnsafeMutableRawPointer(handle)) }
        rsvg_handle_set_dpi(handle, 72)
        var width = 0.0
        var height = 0.0
        guard rsvg_handle_get_intrinsic_size_in_pixels(handle, &width, &height) != 0, width > 0, height > 0 else { throw .noSize }

        let sink = Sink()
        let context = Unmanaged.passUnretained(sink).toOpaque()
        let surface = cairo_pdf_surface_create_for_stream({ closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
            Unmanaged<Sink>.fromOpaque(closure).takeUnretainedValue().data.append(data, count: Int(length))
            return CAIRO_STATUS_SUCCESS
        }, context, width, height)
        defer { cairo_surface_destroy(surface) }
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, metadata.title)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, metadata.author)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, metadata.subject)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Jariya (จริยะ)")
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, metadata.created)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_KEYWORDS, metadata.keywords)

        let cairo = cairo_create(surface)
        var viewport = RsvgRectangle(x: 0, y: 0, width: width, height: height)
        let drawn = rsvg_handle_render_document(handle, cairo, &viewport, &error)
        if drawn != 0, let cairo {
            let scale = viewBox.map { min(width / $0.width, height / $0.height) } ?? 1
            let offset = viewBox.map { box in
                ((width - box.width * scale) / 2 - box.x * scale, (height - box.height * scale) / 2 - box.y * scale)
            } ?? (0, 0)
            TextPainter.draw(lines, on: cairo, scale: scale, offset: offset)
        }
        cairo_destroy(cairo)
        guard drawn != 0 else { throw .draw(take(error)) }
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else { throw .draw(String(cString: cairo_status_to_string(status))) }
        return sink.data
    }

    /// Collects the bytes cairo writes.
    private final class Sink {
        var data = Data()
    }

    private static func take(_ error: UnsafeMutablePointer<GError>?) -> String {
        guard let error else { return "unknown error" }
        defer { g_error_free(error) }
        return error.pointee.message.map { String(cString: $0) } ?? "unknown error"
    }
}
