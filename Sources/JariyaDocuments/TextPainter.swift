import CPangoCairo

/// One line to draw, with its values already in.
struct PlacedText: Sendable {
    var text: String
    var layout: TemplateText
}

/// Draws template text with Pango onto the cairo context librsvg drew the
/// rest of the page on, set up the way librsvg sets up its own text (no
/// hinting, unrounded glyph positions, 72 units per inch, Thai language), so
/// the result matches what librsvg would have printed. Glyphs go to cairo
/// with their clusters, so the PDF's text reads back exactly.
enum TextPainter {
    /// Draws the lines in the template's user space, which the page maps
    /// with `scale` and `offset` (the viewBox's fit on the page).
    static func draw(_ lines: [PlacedText], on cairo: OpaquePointer, scale: Double, offset: (x: Double, y: Double)) {
        guard !lines.isEmpty else { return }
        cairo_save(cairo)
        defer { cairo_restore(cairo) }
        cairo_translate(cairo, offset.x, offset.y)
        cairo_scale(cairo, scale, scale)
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_set_font_options(cairo, options)
        cairo_font_options_destroy(options)
        guard let context = pango_cairo_create_context(cairo) else { return }
        defer { g_object_unref(UnsafeMutableRawPointer(context)) }
        pango_context_set_round_glyph_positions(context, 0)
        pango_cairo_context_set_resolution(context, 72)
        pango_context_set_language(context, pango_language_from_string("th"))
        for line in lines {
            guard let layout = pango_layout_new(context) else { continue }
            defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
            let font = pango_font_description_new()
            pango_font_description_set_family(font, line.layout.family)
            pango_font_description_set_weight(font, PangoWeight(rawValue: UInt32(line.layout.weight)))
            pango_font_description_set_style(font, line.layout.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL)
            pango_font_description_set_absolute_size(font, line.layout.size * Double(PANGO_SCALE))
            pango_layout_set_font_description(layout, font)
            pango_font_description_free(font)
            pango_layout_set_text(layout, line.text, -1)
            var ink = PangoRectangle()
            var logical = PangoRectangle()
            pango_layout_get_extents(layout, &ink, &logical)
            let width = Double(logical.width) / Double(PANGO_SCALE)
            let baseline = Double(pango_layout_get_baseline(layout)) / Double(PANGO_SCALE)
            let shift = switch line.layout.anchor {
            case .start: 0.0
            case .middle: -width / 2
            case .end: -width
            }
            cairo_set_source_rgb(cairo, line.layout.red, line.layout.green, line.layout.blue)
            cairo_move_to(cairo, line.layout.x + shift, line.layout.y - baseline)
            pango_cairo_show_layout(cairo, layout)
        }
    }
}
