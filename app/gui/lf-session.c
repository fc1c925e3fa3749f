/* lf-session.c: the window's way to the workspace
 *
 * Typed numbers are previews first: each keystroke changes the live
 * object at once (so the plan follows the typing), and the store gets one
 * operation when the typing pauses, the row is left or Enter is pressed.
 * That makes one step of undo per edit, not per digit, and keeps the disk
 * out of the keystroke's path. Any other operation commits a pending
 * preview first, so the store and the live objects never disagree for
 * longer than a pause in typing.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "lf-scenario-info.h"
#include "lf-session.h"

#define ID_KEY "lf-session-id"
/* Typing that pauses this long is committed to the store. */
#define COMMIT_DELAY_MS 700

typedef enum
{
  PREVIEW_NONE,
  PREVIEW_PARAM,
  PREVIEW_BUDGET,
  PREVIEW_TARGET,
  PREVIEW_CAP,
} PreviewKind;

typedef struct
{
  PreviewKind  kind;
  LfScenario  *scenario;
  LfMarket    *market;     /* PREVIEW_PARAM */
  guint        which;      /* the LfParam or LfCap */
  double       before;     /* NAN: absent (a budget, target or cap) */
  double       after;
} Preview;

struct _LfSession
{
  GObject  parent_instance;
  LfStore *store;
  Preview  preview;
  guint    commit_source;
};

G_DEFINE_FINAL_TYPE (LfSession, lf_session, G_TYPE_OBJECT)

enum {
  PENDING_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
lf_session_dispose (GObject *object)
{
  LfSession *self = LF_SESSION (object);

  if (self->store != NULL)
    lf_session_commit (self, NULL);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (lf_session_parent_class)->dispose (object);
}

static void
lf_session_class_init (LfSessionClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = lf_session_dispose;

  /* A typed edit began or went to the store: undo has something to do. */
  signals[PENDING_CHANGED] =
    g_signal_new ("pending-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

gboolean
lf_session_has_pending (LfSession *self)
{
  g_return_val_if_fail (LF_IS_SESSION (self), FALSE);

  return self->preview.kind != PREVIEW_NONE;
}

static void
lf_session_init (LfSession *self)
{
}

LfSession *
lf_session_new (LfStore *store)
{
  LfSession *self;

  g_return_val_if_fail (LF_IS_STORE (store), NULL);

  self = g_object_new (LF_TYPE_SESSION, NULL);
  self->store = g_object_ref (store);

  return self;
}

LfStore *
lf_session_get_store (LfSession *self)
{
  g_return_val_if_fail (LF_IS_SESSION (self), NULL);

  return self->store;
}

GListModel *
lf_session_get_scenarios (LfSession *self)
{
  g_return_val_if_fail (LF_IS_SESSION (self), NULL);

  return lf_store_get_scenarios (self->store);
}

LfScenario *
lf_session_load (LfSession  *self,
                 gint64      id,
                 GError    **error)
{
  LfScenario *scenario;

  g_return_val_if_fail (LF_IS_SESSION (self), NULL);

  scenario = lf_store_load_scenario (self->store, id, error);
  if (scenario != NULL)
    g_object_set_data_full (G_OBJECT (scenario), ID_KEY, g_memdup2 (&id, sizeof id), g_free);

  return scenario;
}

gint64
lf_session_get_id (LfSession  *self,
                   LfScenario *scenario)
{
  gint64 *id = scenario ? g_object_get_data (G_OBJECT (scenario), ID_KEY) : NULL;

  return id ? *id : 0;
}

int
lf_session_find_position (LfSession *self,
                          gint64     id)
{
  GListModel *list = lf_store_get_scenarios (self->store);
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LfScenarioInfo) info = g_list_model_get_item (list, i);

      if (lf_scenario_info_get_id (info) == id)
        return (int) i;
    }

  return -1;
}

char *
lf_session_unique_name (LfSession  *self,
                        const char *base)
{
  g_return_val_if_fail (LF_IS_SESSION (self), NULL);

  if (lf_store_find_scenario (self->store, base) <= 0)
    return g_strdup (base);
  for (guint i = 2; ; i++)
    {
      /* Translators: a name made unique, e.g. "New scenario 2" */
      char *name = g_strdup_printf (_("%s %u"), base, i);

      if (lf_store_find_scenario (self->store, name) <= 0)
        return name;
      g_free (name);
    }
}

#define ID(scenario) lf_session_get_id (self, (scenario))

static void
set_live (const Preview *p,
          double         value)
{
  switch (p->kind)
    {
    case PREVIEW_PARAM:
      lf_market_set_param (p->market, p->which, value, NULL);
      break;
    case PREVIEW_BUDGET:
      if (isnan (value))
        lf_scenario_clear_budget (p->scenario);
      else
        lf_scenario_set_budget (p->scenario, value, NULL);
      break;
    case PREVIEW_TARGET:
      if (isnan (value))
        lf_scenario_clear_target_value (p->scenario);
      else
        lf_scenario_set_target_value (p->scenario, value, NULL);
      break;
    case PREVIEW_CAP:
      if (isnan (value))
        lf_scenario_clear_cap (p->scenario, p->which);
      else
        lf_scenario_set_cap (p->scenario, p->which, value, NULL);
      break;
    case PREVIEW_NONE:
    default:
      break;
    }
}

static gboolean
store_preview (LfSession      *self,
               const Preview  *p,
               GError        **error)
{
  gint64 id = ID (p->scenario);
  int position;

  switch (p->kind)
    {
    case PREVIEW_PARAM:
      position = lf_scenario_find_market (p->scenario, lf_market_get_name (p->market));
      if (position < 0)
        return TRUE;  /* the market went away with its edit */
      return lf_store_set_market_param (self->store, id, position, p->which, p->after, error);
    case PREVIEW_BUDGET:
      return lf_store_set_budget (self->store, id, p->after, error);
    case PREVIEW_TARGET:
      return lf_store_set_target_value (self->store, id, p->after, error);
    case PREVIEW_CAP:
      return lf_store_set_cap (self->store, id, p->which, p->after, error);
    case PREVIEW_NONE:
    default:
      return TRUE;
    }
}

/* The live object goes back to what the store has, then the store makes
 * the change itself, with its inverse, as one step. */
gboolean
lf_session_commit (LfSession  *self,
                   GError    **error)
{
  Preview p = self->preview;
  gboolean ok;

  g_return_val_if_fail (LF_IS_SESSION (self), FALSE);

  g_clear_handle_id (&self->commit_source, g_source_remove);
  if (p.kind == PREVIEW_NONE)
    return TRUE;
  self->preview = (Preview) { PREVIEW_NONE };
  set_live (&p, p.before);
  ok = store_preview (self, &p, error);
  if (!ok)
    g_message ("Could not write an edit: %s", error && *error ? (*error)->message : "");
  g_clear_object (&p.scenario);
  g_clear_object (&p.market);
  g_signal_emit (self, signals[PENDING_CHANGED], 0);

  return ok;
}

static gboolean
commit_timeout_cb (gpointer user_data)
{
  LfSession *self = user_data;

  self->commit_source = 0;
  lf_session_commit (self, NULL);

  return G_SOURCE_REMOVE;
}

static gboolean
same_target (const Preview *a,
             const Preview *b)
{
  return a->kind == b->kind && a->scenario == b->scenario && a->market == b->market && a->which == b->which;
}

/* Checks @value by setting it on the live object; keeps the value from
 * before the first keystroke of this edit. */
static gboolean
preview (LfSession  *self,
         Preview    *p,
         double      current,
         GError    **error)
{
  gboolean ok;

  if (!same_target (&self->preview, p))
    lf_session_commit (self, NULL);
  switch (p->kind)
    {
    case PREVIEW_PARAM:
      ok = lf_market_set_param (p->market, p->which, p->after, error);
      break;
    case PREVIEW_BUDGET:
      ok = lf_scenario_set_budget (p->scenario, p->after, error);
      break;
    case PREVIEW_TARGET:
      ok = lf_scenario_set_target_value (p->scenario, p->after, error);
      break;
    case PREVIEW_CAP:
      ok = lf_scenario_set_cap (p->scenario, p->which, p->after, error);
      break;
    case PREVIEW_NONE:
    default:
      g_assert_not_reached ();
    }
  if (!ok)
    return FALSE;
  if (self->preview.kind == PREVIEW_NONE)
    {
      self->preview = *p;
      self->preview.before = current;
      g_object_ref (p->scenario);
      if (p->market != NULL)
        g_object_ref (p->market);
      g_signal_emit (self, signals[PENDING_CHANGED], 0);
    }
  self->preview.after = p->after;
  g_clear_handle_id (&self->commit_source, g_source_remove);
  self->commit_source = g_timeout_add (COMMIT_DELAY_MS, commit_timeout_cb, self);

  return TRUE;
}

static double
cap_or_nan (LfScenario *scenario,
            LfCap       cap)
{
  return lf_scenario_has_cap (scenario, cap) ? lf_scenario_get_cap (scenario, cap) : NAN;
}

gboolean
lf_session_preview_market_param (LfSession   *self,
                                 LfScenario  *scenario,
                                 guint        position,
                                 LfParam      param,
                                 double       value,
                                 GError     **error)
{
  LfMarket *market = lf_scenario_get_market (scenario, position);
  Preview p = { PREVIEW_PARAM, scenario, market, param, NAN, value };

  return preview (self, &p, lf_market_get_param (market, param), error);
}

gboolean
lf_session_preview_budget (LfSession   *self,
                           LfScenario  *scenario,
                           double       budget,
                           GError     **error)
{
  Preview p = { PREVIEW_BUDGET, scenario, NULL, 0, NAN, budget };

  return preview (self, &p, lf_scenario_has_budget (scenario) ? lf_scenario_get_budget (scenario) : NAN, error);
}

gboolean
lf_session_preview_target_value (LfSession   *self,
                                 LfScenario  *scenario,
                                 double       target,
                                 GError     **error)
{
  Preview p = { PREVIEW_TARGET, scenario, NULL, 0, NAN, target };

  return preview (self, &p,
                  lf_scenario_has_target_value (scenario) ? lf_scenario_get_target_value (scenario) : NAN, error);
}

gboolean
lf_session_preview_cap (LfSession   *self,
                        LfScenario  *scenario,
                        LfCap        cap,
                        double       value,
                        GError     **error)
{
  Preview p = { PREVIEW_CAP, scenario, NULL, cap, NAN, value };

  return preview (self, &p, cap_or_nan (scenario, cap), error);
}

gboolean
lf_session_set_objective (LfSession    *self,
                          LfScenario   *scenario,
                          LfObjective   objective,
                          GError      **error)
{
  lf_session_commit (self, NULL);

  return lf_store_set_objective (self->store, ID (scenario), objective, error);
}

gboolean
lf_session_set_currency (LfSession   *self,
                         LfScenario  *scenario,
                         const char  *currency,
                         GError     **error)
{
  lf_session_commit (self, NULL);

  return lf_store_set_currency (self->store, ID (scenario), currency, error);
}

gboolean
lf_session_set_budget (LfSession   *self,
                       LfScenario  *scenario,
                       double       budget,
                       GError     **error)
{
  lf_session_commit (self, NULL);

  return lf_store_set_budget (self->store, ID (scenario), budget, error);
}

gboolean
lf_session_set_target_value (LfSession   *self,
                             LfScenario  *scenario,
                             double       target,
                             GError     **error)
{
  lf_session_commit (self, NULL);

  return lf_store_set_target_value (self->store, ID (scenario), target, error);
}

gboolean
lf_session_set_cap (LfSession   *self,
                    LfScenario  *scenario,
                    LfCap        cap,
                    double       value,
                    GError     **error)
{
  lf_session_commit (self, NULL);

  return lf_store_set_cap (self->store, ID (scenario), cap, value, error);
}

gboolean
lf_session_add_market (LfSession   *self,
                       LfScenario  *scenario,
                       guint        position,
                       GError     **error)
{
  lf_session_commit (self, NULL);

  return lf_store_add_market (self->store, ID (scenario), position, NULL, error);
}

gboolean
lf_session_duplicate_market (LfSession   *self,
                             LfScenario  *scenario,
                             guint        position,
                             GError     **error)
{
  lf_session_commit (self, NULL);

  return lf_store_duplicate_market (self->store, ID (scenario), position, error);
}

gboolean
lf_session_remove_market (LfSession   *self,
                          LfScenario  *scenario,
                          guint        position,
                          GError     **error)
{
  lf_session_commit (self, NULL);

  return lf_store_remove_market (self->store, ID (scenario), position, error);
}

gboolean
lf_session_move_market (LfSession   *self,
                        LfScenario  *scenario,
                        guint        from,
                        guint        to,
                        GError     **error)
{
  lf_session_commit (self, NULL);

  return lf_store_move_market (self->store, ID (scenario), from, to, error);
}

gboolean
lf_session_set_market_param (LfSession   *self,
                             LfScenario  *scenario,
                             guint        position,
                             LfParam      param,
                             double       value,
                             GError     **error)
{
  lf_session_commit (self, NULL);

  return lf_store_set_market_param (self->store, ID (scenario), position, param, value, error);
}

gboolean
lf_session_set_market_name (LfSession   *self,
                            LfScenario  *scenario,
                            guint        position,
                            const char  *name,
                            GError     **error)
{
  lf_session_commit (self, NULL);

  return lf_store_set_market_name (self->store, ID (scenario), position, name, error);
}

gboolean
lf_session_set_market_code (LfSession   *self,
                            LfScenario  *scenario,
                            guint        position,
                            const char  *code,
                            GError     **error)
{
  lf_session_commit (self, NULL);

  return lf_store_set_market_code (self->store, ID (scenario), position, code, error);
}

gboolean
lf_session_set_market_lock (LfSession   *self,
                            LfScenario  *scenario,
                            guint        position,
                            LfLock       lock,
                            GError     **error)
{
  lf_session_commit (self, NULL);

  return lf_store_set_market_lock (self->store, ID (scenario), position, lock, error);
}

gboolean
lf_session_set_market_range (LfSession   *self,
                             LfScenario  *scenario,
                             guint        position,
                             LfParam      param,
                             double       lo,
                             double       hi,
                             GError     **error)
{
  lf_session_commit (self, NULL);

  return lf_store_set_market_range (self->store, ID (scenario), position, param, lo, hi, error);
}

gboolean
lf_session_apply_fix (LfSession    *self,
                      LfScenario   *scenario,
                      const LfFix  *fix,
                      GError      **error)
{
  int position;

  lf_session_commit (self, NULL);
  switch (fix->row)
    {
    case LF_ROW_BUDGET:
      return lf_session_set_budget (self, scenario, fix->value, error);
    case LF_ROW_TARGET:
      return lf_session_set_target_value (self, scenario, fix->value, error);
    case LF_ROW_RISK:
      return lf_session_set_cap (self, scenario, LF_CAP_RISK, fix->value, error);
    case LF_ROW_HEADCOUNT:
      return lf_session_set_cap (self, scenario, LF_CAP_HEADCOUNT, fix->value, error);
    case LF_ROW_MARKETS:
      return lf_session_set_cap (self, scenario, LF_CAP_MARKETS, fix->value, error);
    case LF_ROW_LOCK:
      position = lf_scenario_find_market (scenario, fix->market);
      if (position < 0)
        {
          g_set_error (error, LF_STORE_ERROR, LF_STORE_ERROR_NOT_FOUND, _("No market named “%s”"), fix->market);
          return FALSE;
        }
      return lf_session_set_market_lock (self, scenario, position, LF_LOCK_AUTO, error);
    default:
      g_set_error_literal (error, LF_STORE_ERROR, LF_STORE_ERROR_NOTHING, _("This change has no fix"));
      return FALSE;
    }
}

/* Each fix is its own step of undo: the toast after Undo names the last. */
gboolean
lf_session_apply_option (LfSession                *self,
                         LfScenario               *scenario,
                         const LfDiagnosisOption  *option,
                         GError                  **error)
{
  for (guint i = 0; i < option->fixes->len; i++)
    {
      if (!lf_session_apply_fix (self, scenario, &g_array_index (option->fixes, LfFix, i), error))
        return FALSE;
    }

  return TRUE;
}
