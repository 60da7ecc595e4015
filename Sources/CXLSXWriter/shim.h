// libxlsxwriter writes Excel workbooks. Only JariyaDocuments' XLSX writer sees this.
#ifndef JARIYA_CXLSXWRITER_SHIM_H
#define JARIYA_CXLSXWRITER_SHIM_H
#include <xlsxwriter.h>
#endif
