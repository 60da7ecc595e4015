// Pango lays out and shapes Thai text (HarfBuzz, libthai) and draws it with
// cairo. Only JariyaDocuments' text painter sees this.
#ifndef JARIYA_CPANGOCAIRO_SHIM_H
#define JARIYA_CPANGOCAIRO_SHIM_H
#include <pango/pangocairo.h>
#endif
