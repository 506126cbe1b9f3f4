/* Why an arena: one NETCONF document is tens of thousands of small libxml2 allocations
   (per leaf an element, a text node and a copy of the text), each freed again with the
   document; in a 50,000-document batch malloc and free were about a quarter of the CPU.
   peerconf builds, serializes and frees each document within one call on one thread
   (XMLTree.document in Swift), so between peerconf_xml_arena_begin and _end the
   thread's libxml2 allocations are carved from a few large chunks, frees are no-ops, and
   _end makes the chunks reusable for the thread's next document.

   The hooks are installed process-wide with xmlMemSetup, so they must behave exactly like
   malloc/realloc/free/strdup for everything else: outside a scope they call them, and
   free/realloc tell arena blocks from heap blocks by address (every chunk ever made is in
   a registry and is never returned to the heap; a thread's chunks pass to other threads
   when it exits). A block that escaped its scope (libxml2 keeping an error message, say)
   therefore never reaches free(); its bytes may be reused by a later document, which is
   why XMLTree never keeps anything of a document past it. */

#include "xml_arena.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum {
    ALIGNMENT = 16,      /* what malloc guarantees on x86_64 and arm64 */
    HEADER = 16,         /* the block's size, kept before it (for realloc) */
    CHUNK_SIZE = 1 << 20,
    MAX_CHUNKS = 1024,   /* beyond this, allocations fall back to malloc */
};

typedef struct Chunk {
    char *start;
    char *end;
    struct Chunk *next;
} Chunk;

typedef struct {
    Chunk *first;
    Chunk *current;
    char *cursor;
    int active;
    /* Set when an allocation of the current scope had to come from malloc. */
    int fellBack;
} Arena;

static _Thread_local Arena arena;

/* Chunks are only ever added: a range is written before the count that publishes it. */
static struct { uintptr_t start, end; } ranges[MAX_CHUNKS];
static _Atomic size_t rangeCount;
static pthread_mutex_t registryLock = PTHREAD_MUTEX_INITIALIZER;

static size_t rounded(size_t size) {
    return (size + ALIGNMENT - 1) & ~(size_t)(ALIGNMENT - 1);
}

int peerconf_xml_arena_owns(const void *pointer) {
    uintptr_t address = (uintptr_t)pointer;
    size_t count = atomic_load_explicit(&rangeCount, memory_order_acquire);
    for (size_t index = 0; index < count; index++) {
        if (address >= ranges[index].start && address < ranges[index].end) return 1;
    }
    return 0;
}

/* Chunks of threads that have exited, for other threads to take (a library user may
   build documents on short-lived threads; their chunks are never freed, so they are
   reused instead of piling up). */
static Chunk *spareChunks;
static pthread_key_t exitKey;
static pthread_once_t exitKeyOnce = PTHREAD_ONCE_INIT;

static void returnChunks(void *first) {
    pthread_mutex_lock(&registryLock);
    for (Chunk *chunk = first; chunk != NULL;) {
        Chunk *next = chunk->next;
        chunk->next = spareChunks;
        spareChunks = chunk;
        chunk = next;
    }
    pthread_mutex_unlock(&registryLock);
}

static void makeExitKey(void) {
    pthread_key_create(&exitKey, returnChunks);
}

static Chunk *spareChunk(size_t need) {
    pthread_mutex_lock(&registryLock);
    Chunk **link = &spareChunks;
    while (*link != NULL && (size_t)((*link)->end - (*link)->start) < need) link = &(*link)->next;
    Chunk *chunk = *link;
    if (chunk != NULL) {
        *link = chunk->next;
        chunk->next = NULL;
    }
    pthread_mutex_unlock(&registryLock);
    return chunk;
}

size_t peerconf_xml_arena_chunk_count(void) {
    return atomic_load_explicit(&rangeCount, memory_order_acquire);
}

static Chunk *newChunk(size_t need) {
    Chunk *spare = spareChunk(need);
    if (spare != NULL) return spare;
    size_t size = need > CHUNK_SIZE ? need : CHUNK_SIZE;
    Chunk *chunk = malloc(rounded(sizeof(Chunk)) + size);
    if (chunk == NULL) return NULL;
    chunk->start = (char *)chunk + rounded(sizeof(Chunk));
    chunk->end = chunk->start + size;
    chunk->next = NULL;
    pthread_mutex_lock(&registryLock);
    size_t count = atomic_load_explicit(&rangeCount, memory_order_relaxed);
    if (count == MAX_CHUNKS) {
        pthread_mutex_unlock(&registryLock);
        free(chunk);
        return NULL;
    }
    ranges[count].start = (uintptr_t)chunk->start;
    ranges[count].end = (uintptr_t)chunk->end;
    atomic_store_explicit(&rangeCount, count + 1, memory_order_release);
    pthread_mutex_unlock(&registryLock);
    return chunk;
}

/* A block of `size` bytes from this thread's arena; NULL when none can be had. */
static void *carve(size_t size) {
    if (size > SIZE_MAX / 2) return NULL;
    size_t need = HEADER + rounded(size);
    for (;;) {
        Chunk *chunk = arena.current;
        if (chunk != NULL && (size_t)(chunk->end - arena.cursor) >= need) {
            char *block = arena.cursor + HEADER;
            ((size_t *)block)[-1] = size;
            arena.cursor += need;
            return block;
        }
        if (chunk != NULL && chunk->next != NULL) {
            arena.current = chunk->next;
            arena.cursor = chunk->next->start;
            continue;
        }
        Chunk *fresh = newChunk(need);
        if (fresh == NULL) return NULL;
        if (chunk != NULL) {
            chunk->next = fresh;
        } else {
            arena.first = fresh;
            /* At the thread's exit its chunks go to the spares. */
            pthread_once(&exitKeyOnce, makeExitKey);
            pthread_setspecific(exitKey, fresh);
        }
        arena.current = fresh;
        arena.cursor = fresh->start;
    }
}

void *peerconf_xml_arena_malloc(size_t size) {
    if (arena.active) {
        void *block = carve(size);
        if (block != NULL) return block;
        arena.fellBack = 1;
    }
    return malloc(size);
}

void peerconf_xml_arena_free(void *pointer) {
    if (pointer == NULL || peerconf_xml_arena_owns(pointer)) return;
    free(pointer);
}

void *peerconf_xml_arena_realloc(void *pointer, size_t size) {
    if (pointer == NULL) return peerconf_xml_arena_malloc(size);
    if (!peerconf_xml_arena_owns(pointer)) return realloc(pointer, size);
    size_t old = ((size_t *)pointer)[-1];
    if (size <= old) return pointer;
    /* The newest block of the current chunk grows in place (libxml2's buffers do). */
    char *block = pointer;
    if (arena.active && size <= SIZE_MAX / 2 && block + rounded(old) == arena.cursor
        && (size_t)(arena.current->end - block) >= rounded(size)) {
        ((size_t *)block)[-1] = size;
        arena.cursor = block + rounded(size);
        return block;
    }
    void *moved = peerconf_xml_arena_malloc(size);
    if (moved != NULL) memcpy(moved, pointer, old);
    return moved;
}

char *peerconf_xml_arena_strdup(const char *text) {
    if (text == NULL) return NULL;
    size_t length = strlen(text) + 1;
    char *copy = peerconf_xml_arena_malloc(length);
    if (copy != NULL) memcpy(copy, text, length);
    return copy;
}

void peerconf_xml_arena_begin(void) {
    arena.active = 1;
    arena.fellBack = 0;
    arena.current = arena.first;
    arena.cursor = arena.first != NULL ? arena.first->start : NULL;
}

int peerconf_xml_arena_fell_back(void) {
    return arena.fellBack;
}

void peerconf_xml_arena_end(void) {
    arena.active = 0;
    arena.current = arena.first;
    arena.cursor = arena.first != NULL ? arena.first->start : NULL;
}
