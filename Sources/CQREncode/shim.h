// libqrencode, for the QR codes of certificates and of the check-in screen.
#ifndef JARIYA_CQRENCODE_SHIM_H
#define JARIYA_CQRENCODE_SHIM_H
#include <qrencode.h>
#endif
