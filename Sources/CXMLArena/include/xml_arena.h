#ifndef PEERCONF_XML_ARENA_H
#define PEERCONF_XML_ARENA_H
#include <stddef.h>

/* A per-thread bump allocator for libxml2 documents that are built, serialized and freed
   without leaving the thread (see xml_arena.c). The four hooks have the shapes of
   libxml2's xmlFreeFunc, xmlMallocFunc, xmlReallocFunc and xmlStrdupFunc, for
   xmlMemSetup(). */
void peerconf_xml_arena_free(void *pointer);
void *peerconf_xml_arena_malloc(size_t size);
void *peerconf_xml_arena_realloc(void *pointer, size_t size);
char *peerconf_xml_arena_strdup(const char *text);

/* Between begin and end, libxml2's allocations on this thread come from the thread's
   arena; end makes all of it reusable at once. Not nested. */
void peerconf_xml_arena_begin(void);
void peerconf_xml_arena_end(void);

/* Whether an allocation since begin came from malloc instead (the registry of chunks was
   full, or memory ran out): what was allocated since begin must then be freed block by
   block, not dropped with the arena. */
int peerconf_xml_arena_fell_back(void);

/* Whether `pointer` lies in memory that any arena ever used, and how many chunks of
   memory the arenas have made (for tests). */
int peerconf_xml_arena_owns(const void *pointer);
size_t peerconf_xml_arena_chunk_count(void);
#endif
