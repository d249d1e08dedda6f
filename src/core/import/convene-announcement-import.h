/* convene-announcement-import.h: an email or web page announcing meetings,
 * read as a plan of those meetings by the document reader
 * (convene-document-import.h), which reads a text that holds a plan's
 * goals, actions or schedule as that plan, whatever it is called. */
#pragma once

#include "import/convene-importer.h"

G_BEGIN_DECLS

extern const ConveneImporter convene_announcement_importer;

G_END_DECLS
