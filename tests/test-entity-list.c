/* test-entity-list.c: the store's live lists, as a view sees them: each
 * committed insert, update and delete arrives as one items-changed at the
 * position where the item is, or goes, in list order. */
#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>

#include "convene-test-dir.h"
#include "store/convene-store.h"
#include "model/convene-goal.h"
#include "model/convene-person.h"
#include "model/convene-plan.h"
#include "model/convene-session.h"

typedef struct {
  guint position;
  guint removed;
  guint added;
} Change;

typedef struct {
  char         *dir;
  char         *path;
  ConveneStore *store;
  gint64        plan;
  GArray       *changes;   /* Change, as the list announced them */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConvenePlan) plan = convene_plan_new ();

  f->dir = convene_test_dir_new ("entity-list");
  f->path = g_build_filename (f->dir, "convene.db", NULL);
  f->store = convene_store_new (f->path, &error);
  g_assert_no_error (error);
  convene_plan_set_title (plan, "Action Plan 2021");
  g_assert_true (convene_store_add (f->store, CONVENE_ENTITY (plan), &error));
  f->plan = convene_entity_get_id (CONVENE_ENTITY (plan));
  f->changes = g_array_new (FALSE, FALSE, sizeof (Change));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  convene_test_dir_remove (f->dir);
  g_free (f->path);
  g_free (f->dir);
  g_array_unref (f->changes);
}

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Fixture    *f)
{
  Change c = { position, removed, added };

  g_array_append_val (f->changes, c);
}

/* The changes announced since the last call, as "position-removed+added". */
static char *
take_changes (Fixture *f)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < f->changes->len; i++)
    {
      Change *c = &g_array_index (f->changes, Change, i);

      g_string_append_printf (text, "%s%u-%u+%u", i > 0 ? " " : "", c->position, c->removed, c->added);
    }
  g_array_set_size (f->changes, 0);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The topics of the list's items, in its order. */
static char *
topics (GListModel *list)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(ConveneSession) s = g_list_model_get_item (list, i);

      g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", convene_session_get_topic (s));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static ConveneSession *
add_session (Fixture    *f,
             const char *topic,
             const char *month,
             int         day)
{
  g_autoptr(GError) error = NULL;
  ConveneSession *session = convene_session_new ();

  convene_session_set_plan (session, f->plan);
  convene_session_set_topic (session, topic);
  convene_session_set_month (session, month);
  if (day > 0)
    {
      g_autoptr(GTimeZone) london = g_time_zone_new_identifier ("Europe/London");
      g_autoptr(GDateTime) start = g_date_time_new (london, atoi (month), atoi (month + 5),
                                                    day, 19, 0, 0);

      convene_session_set_start (session, start);
      convene_session_set_timezone (session, "Europe/London");
    }
  g_assert_true (convene_store_add (f->store, CONVENE_ENTITY (session), &error));
  g_assert_no_error (error);
  return session;
}

#define assert_changes(f, expected) G_STMT_START { \
  g_autofree char *_got = take_changes (f);          \
  g_assert_cmpstr (_got, ==, (expected));            \
} G_STMT_END

#define assert_topics(list, expected) G_STMT_START { \
  g_autofree char *_got = topics (list);             \
  g_assert_cmpstr (_got, ==, (expected));            \
} G_STMT_END

static void
test_inserts (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GListModel) list = convene_store_list (f->store, CONVENE_TYPE_SESSION, "plan", f->plan);
  g_autoptr(ConveneSession) april = NULL, feb = NULL, tbc = NULL, feb_month = NULL, march = NULL;

  g_assert_true (g_list_model_get_item_type (list) == CONVENE_TYPE_SESSION);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed_cb), f);

  april = add_session (f, "Leadership", "2021-04", 27);
  assert_changes (f, "0-0+1");
  feb = add_session (f, "Policy+", "2021-02", 23);
  assert_changes (f, "0-0+1");
  /* To be confirmed: after every month. */
  tbc = add_session (f, "Survey results", NULL, 0);
  assert_changes (f, "2-0+1");
  /* Only a month: after that month's dated sessions. */
  feb_month = add_session (f, "Data fair", "2021-02", 0);
  assert_changes (f, "1-0+1");
  march = add_session (f, "Climate", "2021-03", 30);
  assert_changes (f, "2-0+1");
  assert_topics (list, "Policy+, Data fair, Climate, Leadership, Survey results");
}

static void
test_updates_and_deletes (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(ConveneSession) feb = add_session (f, "Policy+", "2021-02", 23);
  g_autoptr(ConveneSession) march = add_session (f, "Climate", "2021-03", 30);
  g_autoptr(ConveneSession) april = add_session (f, "Leadership", "2021-04", 27);
  g_autoptr(GListModel) list = convene_store_list (f->store, CONVENE_TYPE_SESSION, "plan", f->plan);
  g_autoptr(ConveneSession) held = g_list_model_get_item (list, 0);
  g_autoptr(GError) error = NULL;

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed_cb), f);

  /* A change that keeps the place: one item replaced where it is, and the
   * object the view holds is the one that changes. */
  convene_session_set_topic (feb, "Policy+ with the OECD");
  g_assert_true (convene_store_update (f->store, CONVENE_ENTITY (feb), &error));
  assert_changes (f, "0-1+1");
  g_assert_cmpstr (convene_session_get_topic (held), ==, "Policy+ with the OECD");

  /* Postponed to May: out of its place, into the new one. */
  convene_session_set_month (feb, "2021-05");
  convene_session_set_start (feb, NULL);
  g_assert_true (convene_store_update (f->store, CONVENE_ENTITY (feb), &error));
  assert_changes (f, "0-1+0 2-0+1");
  assert_topics (list, "Climate, Leadership, Policy+ with the OECD");

  g_assert_true (convene_store_remove (f->store, CONVENE_ENTITY (april), &error));
  assert_changes (f, "1-1+0");
  assert_topics (list, "Climate, Policy+ with the OECD");

  /* Moved to another plan: it leaves this plan's list. */
  {
    g_autoptr(ConvenePlan) other = convene_plan_new ();

    convene_plan_set_title (other, "Action Plan 2022");
    g_assert_true (convene_store_add (f->store, CONVENE_ENTITY (other), &error));
    convene_session_set_plan (march, convene_entity_get_id (CONVENE_ENTITY (other)));
    g_assert_true (convene_store_update (f->store, CONVENE_ENTITY (march), &error));
    assert_changes (f, "0-1+0");
    assert_topics (list, "Policy+ with the OECD");
  }
}

static void
test_transaction_and_reset (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GListModel) list = convene_store_list (f->store, CONVENE_TYPE_SESSION, "plan", f->plan);
  g_autoptr(GError) error = NULL;

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed_cb), f);

  /* Nothing is announced before the commit. */
  g_assert_true (convene_store_begin (f->store, &error));
  g_object_unref (add_session (f, "Policy+", "2021-02", 23));
  assert_changes (f, "");
  g_assert_true (convene_store_commit (f->store, &error));
  assert_changes (f, "0-0+1");

  /* A large transaction is announced as one reload. */
  g_assert_true (convene_store_begin (f->store, &error));
  for (int i = 0; i < 100; i++)
    {
      g_autofree char *topic = g_strdup_printf ("Call %d", i);

      g_object_unref (add_session (f, topic, "2021-06", 0));
    }
  g_assert_true (convene_store_commit (f->store, &error));
  assert_changes (f, "0-1+101");
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 101);

  /* A rolled-back change never shows. */
  g_assert_true (convene_store_begin (f->store, &error));
  g_object_unref (add_session (f, "Withdrawn", "2021-01", 0));
  convene_store_rollback (f->store);
  assert_changes (f, "");
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 101);
}

static void
test_other_orders (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GListModel) goals = convene_store_list (f->store, CONVENE_TYPE_GOAL, "plan", f->plan);
  g_autoptr(GListModel) people = convene_store_list (f->store, CONVENE_TYPE_PERSON, NULL, 0);
  const int positions[] = { 3, 1, 2 };
  const char *names[] = { "Zoë", "Ana", "Émile" };
  g_autoptr(GError) error = NULL;

  /* Collation is the locale's: in the C locale "É" sorts after "Z". */
  if (setlocale (LC_COLLATE, "en_US.UTF-8") == NULL)
    {
      g_test_skip ("the en_US.UTF-8 locale is not installed");
      return;
    }
  g_signal_connect (goals, "items-changed", G_CALLBACK (on_items_changed_cb), f);
  for (guint i = 0; i < G_N_ELEMENTS (positions); i++)
    {
      g_autoptr(ConveneGoal) goal = convene_goal_new ();
      g_autofree char *title = g_strdup_printf ("Goal %d", positions[i]);

      convene_goal_set_plan (goal, f->plan);
      convene_goal_set_position (goal, positions[i]);
      convene_goal_set_title (goal, title);
      g_assert_true (convene_store_add (f->store, CONVENE_ENTITY (goal), &error));
    }
  /* Goals by position: 3 at 0, 1 before it, 2 between. */
  assert_changes (f, "0-0+1 0-0+1 1-0+1");

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(ConvenePerson) person = convene_person_new ();

      convene_person_set_name (person, names[i]);
      g_assert_true (convene_store_add (f->store, CONVENE_ENTITY (person), &error));
    }
  /* People by name as people sort them: É with the E's, before Z. */
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(ConvenePerson) p = g_list_model_get_item (people, i);
      const char *expected[] = { "Ana", "Émile", "Zoë" };

      g_assert_cmpstr (convene_person_get_name (p), ==, expected[i]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/entity-list/inserts", test_inserts);
  ADD ("/entity-list/updates-and-deletes", test_updates_and_deletes);
  ADD ("/entity-list/transaction-and-reset", test_transaction_and_reset);
  ADD ("/entity-list/other-orders", test_other_orders);
#undef ADD

  return g_test_run ();
}
