/* convene-blog-post.h: the post written after a session (author, address, state). */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "model/convene-enums.h"

G_BEGIN_DECLS

#define CONVENE_TYPE_BLOG_POST (convene_blog_post_get_type ())

typedef struct {
  char             *author;
  char             *url;
  ConveneBlogState  state;
} ConveneBlogPost;

GType            convene_blog_post_get_type (void) G_GNUC_CONST;
ConveneBlogPost *convene_blog_post_new      (const char       *author,
                                             const char       *url,
                                             ConveneBlogState  state);
ConveneBlogPost *convene_blog_post_copy     (const ConveneBlogPost *post);
void             convene_blog_post_free     (ConveneBlogPost  *post);
gboolean         convene_blog_post_equal    (const ConveneBlogPost *a,
                                             const ConveneBlogPost *b);
/* Adds @post to @builder as {"author", "url", "state"}, or null: the shape
 * of the JSON export, which the store also keeps in its blog column. */
void             convene_blog_post_build_json (const ConveneBlogPost *post,
                                               JsonBuilder           *builder);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConveneBlogPost, convene_blog_post_free)

G_END_DECLS
