// librsvg draws SVG with Pango (HarfBuzz shaping, libthai line breaks) onto
// cairo, whose PDF surface embeds font subsets. Only JariyaDocuments sees this.
#ifndef JARIYA_CRSVG_SHIM_H
#define JARIYA_CRSVG_SHIM_H
#define RSVG_DISABLE_DEPRECATION_WARNINGS 1
#include <librsvg/rsvg.h>
#include <cairo.h>
#include <cairo-pdf.h>
#endif
