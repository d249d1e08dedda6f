/* convene-blog-post.c: a small boxed value for a session's blog post. */
#include "model/convene-blog-post.h"
#include "model/convene-enum-types.h"

G_DEFINE_BOXED_TYPE (ConveneBlogPost, convene_blog_post,
                     convene_blog_post_copy, convene_blog_post_free)

ConveneBlogPost *
convene_blog_post_new (const char       *author,
                       const char       *url,
                       ConveneBlogState  state)
{
  ConveneBlogPost *post = g_new0 (ConveneBlogPost, 1);

  post->author = g_strdup (author);
  post->url = g_strdup (url);
  post->state = state;
  return post;
}

ConveneBlogPost *
convene_blog_post_copy (const ConveneBlogPost *post)
{
  g_return_val_if_fail (post != NULL, NULL);
  return convene_blog_post_new (post->author, post->url, post->state);
}

void
convene_blog_post_free (ConveneBlogPost *post)
{
  if (post == NULL)
    return;
  g_free (post->author);
  g_free (post->url);
  g_free (post);
}

gboolean
convene_blog_post_equal (const ConveneBlogPost *a,
                         const ConveneBlogPost *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_strcmp0 (a->author, b->author) == 0 &&
         g_strcmp0 (a->url, b->url) == 0 &&
         a->state == b->state;
}

void
convene_blog_post_build_json (const ConveneBlogPost *post,
                              JsonBuilder           *builder)
{
  GEnumClass *klass;

  g_return_if_fail (JSON_IS_BUILDER (builder));

  if (post == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }
  klass = g_type_class_ref (CONVENE_TYPE_BLOG_STATE);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "author");
  json_builder_add_string_value (builder, post->author);
  json_builder_set_member_name (builder, "url");
  json_builder_add_string_value (builder, post->url);
  json_builder_set_member_name (builder, "state");
  json_builder_add_string_value (builder, g_enum_get_value (klass, post->state)->value_nick);
  json_builder_end_object (builder);
  g_type_class_unref (klass);
}
