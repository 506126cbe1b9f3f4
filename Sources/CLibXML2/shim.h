#ifndef PEERCONF_CLIBXML2_SHIM_H
#define PEERCONF_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
/* Required: Debian's libxml2 headers include the system ICU headers, which clash with the
   toolchain's ICU used by Foundation ("'UErrorCode' has different definitions in different
   modules") on a clean build. peerconf uses no ICU-dependent libxml2 API. */
#undef LIBXML_ICU_ENABLED
#include <libxml/tree.h>
#include <libxml/parser.h>
#include <libxml/xmlsave.h>
#include <libxml/xmlerror.h>
#include <libxml/parserInternals.h>

/* xmlFree is a C global function pointer; Swift 6 refuses to call it directly
   ("not concurrency-safe"), so it is wrapped here. */
static inline void peerconf_xml_free(void *pointer) { xmlFree(pointer); }

/* Marks a text node whose bytes libxml2's escaping would leave as they are (no '<', '>',
   '&' or CR): the saver then writes them with one append instead of its escaping loop
   (xmlStringTextNoenc, the name libxml2 gives such nodes). The bytes written are the same. */
static inline void peerconf_xml_text_verbatim(xmlNodePtr text) { text->name = xmlStringTextNoenc; }
#endif
