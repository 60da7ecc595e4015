// The one doorway to libxml2. Debian builds libxml2 against ICU, whose headers
// clash with the ICU inside Foundation, so the ICU part is switched off before
// anything else is included.
#ifndef JARIYA_CLIBXML2_SHIM_H
#define JARIYA_CLIBXML2_SHIM_H

#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlmemory.h>

// `xmlFree` is a global function pointer, which Swift 6 refuses as shared
// mutable state; calling it through an inline function keeps it out of sight.
static inline void jariya_xml_free(void *pointer) {
    xmlFree(pointer);
}

#endif
