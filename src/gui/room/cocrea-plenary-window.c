/* cocrea-plenary-window.c — the projector view: the live tally for the whole room
 *
 * A full-screen window for the projector or a second monitor, read from
 * the back of the hall: the process and the activity on top, and the
 * tally as large bars, most mentioned first, as many as fit whole
 * (CocreaPlenaryLayout); Page Down shows the next ones. Once commitments
 * are selected, it says how many against the quotas, and marks them.
 *
 * It opens the file on its own, read-only and without the write lock, so
 * the facilitator's window, the command line or a sync keep writing. It
 * hears of their commits through the document's outside-changed (SQLite's
 * data_version, looked at twice a second) and counts again
 * (cocrea_tally_reload()), which reports only the places that changed:
 * rows that show the same keep their widgets, so nothing flickers, and
 * the window never asks for focus.
 *
 * Text is sized for the screen: 28 px body and 42 px titles at 1080
 * lines, in proportion on other screens (a 720-line projector fills the
 * same wall), times the room's choice with + and −.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include <glib/gi18n.h>

#include "cocrea-activity.h"
#include "cocrea-plenary-layout.h"
#include "cocrea-plenary-row.h"
#include "cocrea-plenary-window.h"
#include "cocrea-proposal.h"
#include "cocrea-selection.h"
#include "cocrea-stats.h"
#include "cocrea-tally.h"

#define MAX_ROWS 30        /* rows made: more than fit at the smallest text */
#define WATCH_MS 500       /* how often the file is looked at: well within 2 s */
#define BODY_PX_AT_1080 28.0
#define SIZE_STEP 1.15     /* one + or − */
#define MIN_STEP (-4)
#define MAX_STEP 6
#define DEFAULT_MINUTES 10

struct _CocreaPlenaryWindow
{
  AdwApplicationWindow parent_instance;

  CocreaDocument *document; /* read-only, never locked */
  CocreaTally *tally;
  GPtrArray *rows;          /* CocreaPlenaryRow, MAX_ROWS, in rows_box */
  guint first;              /* the tally's index of the first row shown */
  GArray *page_starts;      /* guint: where each earlier page began, for Page Up */
  int size_step;            /* + and −: text SIZE_STEP^size_step times the screen's */
  guint text_px;            /* body text now */
  GtkCssProvider *provider; /* the body text size, on this window alone */
  GdkSurface *surface;
  gboolean fullscreen;      /* as asked; Esc leaves it, then closes */
  guint page_label_id;      /* idle: the layout said how many fit */

  /* The round timer: hidden until used. */
  gboolean timer_used;
  gboolean timer_running;
  gint64 timer_left;        /* µs left, while paused */
  gint64 timer_end;         /* monotonic µs when it reaches 0, while running */
  guint timer_id;

  /* template children */
  GtkLabel *process_label;
  GtkLabel *activity_label;
  GtkLabel *selection_label;
  GtkLabel *timer_label;
  GtkWidget *rows_box;
  GtkLabel *empty_label;
  GtkLabel *page_label;
  GtkLabel *status_label;
  GtkSpinButton *minutes_spin;
  GtkButton *timer_button;
};

G_DEFINE_FINAL_TYPE (CocreaPlenaryWindow, cocrea_plenary_window, ADW_TYPE_APPLICATION_WINDOW)

/* ---- text size ---- */

/* The body text size for a screen @height pixels tall at @step. */
static guint
body_px (int height, int step)
{
  double px = BODY_PX_AT_1080 * (height > 0 ? height : 1080) / 1080.0 * pow (SIZE_STEP, step);

  return (guint) CLAMP (lround (px), 10, 400);
}

static void
update_text_size (CocreaPlenaryWindow *self)
{
  int height = self->surface != NULL ? gdk_surface_get_height (self->surface)
                                     : gtk_widget_get_height (GTK_WIDGET (self));
  guint px;
  g_autofree char *css = NULL;

  if (height <= 1)
    {
      int width;

      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
    }
  px = body_px (height, self->size_step);
  if (px == self->text_px)
    return;
  self->text_px = px;
  /* Everything inside sizes itself in em of this (style.css, .plenary). */
  css = g_strdup_printf ("window { font-size: %upx; }", px);
  gtk_css_provider_load_from_data (self->provider, css, -1);
}

static void
surface_size_cb (CocreaPlenaryWindow *self)
{
  update_text_size (self);
}

/* ---- what is shown ---- */

static void
show_status (CocreaPlenaryWindow *self, const GError *error)
{
  gtk_label_set_text (self->status_label, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), error != NULL);
}

static void
set_label (GtkLabel *label, const char *text)
{
  /* The same text set again would still measure the label anew. */
  if (g_strcmp0 (gtk_label_get_text (label), text) != 0)
    gtk_label_set_text (label, text);
}

/* Once commitments are selected, how many against the quotas. */
static void
update_selection (CocreaPlenaryWindow *self)
{
  CocreaSelectionSummary summary = { 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  if (!cocrea_selection_get_summary (self->document, &summary, &error))
    {
      show_status (self, error);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->selection_label), summary.selected > 0);
  if (summary.selected == 0)
    return;
  /* TRANSLATORS: selected against quotas: "Selected: 5 of 5 (municipal 2 of 2, community 3 of 3)" */
  text = g_strdup_printf (_("Selected: %d of %d (municipal %d of %d, community %d of %d)"),
                          summary.selected, summary.quota_total, summary.selected_municipal,
                          summary.quota_municipal, summary.selected_community,
                          summary.quota_community);
  set_label (self->selection_label, text);
}

/* Whether @proposal was selected as a commitment; FALSE when unknown. */
static gboolean
is_selected (CocreaPlenaryWindow *self, CocreaProposal *proposal)
{
  CocreaDecision decision = COCREA_DECISION_NOT_SHORTLISTED;
  gboolean decided = FALSE;

  if (!cocrea_selection_get_decision (self->document, cocrea_proposal_get_id (proposal), &decided,
                                      &decision, NULL, NULL))
    return FALSE;
  return decided && decision == COCREA_DECISION_SELECTED;
}

/* The process's title, and the activity the room is at with what it has so far. */
static void
update_header (CocreaPlenaryWindow *self)
{
  g_autoptr (CocreaProcessInfo) info = NULL;
  g_autoptr (CocreaActivity) activity = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *contributions = NULL;
  g_autofree char *groups = NULL;
  g_autofree char *line = NULL;
  CocreaStats stats = { 0 };

  info = cocrea_document_get_process (self->document, &error);
  if (info == NULL || !cocrea_stats_load (self->document, &stats, &error))
    {
      show_status (self, error);
      return;
    }
  activity = cocrea_activity_current (self->document, &error);
  if (error != NULL)
    {
      show_status (self, error);
      return;
    }

  set_label (self->process_label, info->title);
  gtk_window_set_title (GTK_WINDOW (self), info->title);
  contributions = g_strdup_printf (ngettext ("%d contribution", "%d contributions",
                                             (int) stats.contributions),
                                   (int) stats.contributions);
  groups = g_strdup_printf (ngettext ("%d group", "%d groups", (int) stats.groups),
                            (int) stats.groups);
  if (activity != NULL)
    /* TRANSLATORS: under the process's title on the projector: the
     * activity, then "30 contributions" "8 groups" */
    line = g_strdup_printf (_("%s · %s from %s"), cocrea_activity_get_name (activity),
                            contributions, groups);
  else
    line = g_strdup (_("No activity recorded yet"));
  set_label (self->activity_label, line);
  update_selection (self);
}

/* Puts the tally's items from self->first in the rows. */
static void
bind_rows (CocreaPlenaryWindow *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->tally));
  guint maximum = 0;

  if (self->first >= n)
    {
      self->first = 0;
      g_array_set_size (self->page_starts, 0);
    }
  if (n > 0)
    {
      g_autoptr (CocreaProposal) top = g_list_model_get_item (G_LIST_MODEL (self->tally), 0);

      maximum = cocrea_proposal_get_n_contributions (top);
    }

  for (guint i = 0; i < self->rows->len; i++)
    {
      CocreaPlenaryRow *row = self->rows->pdata[i];
      guint position = self->first + i;

      if (position < n)
        {
          g_autoptr (CocreaProposal) item = g_list_model_get_item (G_LIST_MODEL (self->tally),
                                                                   position);

          cocrea_plenary_row_set_place (row, position + 1, maximum);
          cocrea_plenary_row_set_selected (row, is_selected (self, item));
          cocrea_item_widget_set_item (COCREA_ITEM_WIDGET (row), item);
        }
      gtk_widget_set_visible (GTK_WIDGET (row), position < n);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), n == 0);
  gtk_widget_set_visible (self->rows_box, n > 0);
}

static guint
n_fit (CocreaPlenaryWindow *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (self->rows_box);

  return MAX (1, cocrea_plenary_layout_get_n_fit (COCREA_PLENARY_LAYOUT (layout)));
}

/* "1–10 of 18" under the rows, and what moves on. */
static gboolean
update_page_label (gpointer data)
{
  CocreaPlenaryWindow *self = data;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->tally));
  guint last = MIN (n, self->first + n_fit (self));
  g_autofree char *text = NULL;

  self->page_label_id = 0;
  if (n == 0)
    text = g_strdup ("");
  else if (self->first == 0 && last == n)
    text = g_strdup_printf (ngettext ("%u proposal", "%u proposals", n), n);
  else
    /* TRANSLATORS: which proposals the projector shows: "11–18 of 18 proposals · Page Down for more" */
    text = g_strdup_printf (_("%u–%u of %u proposals · Page Down for more"), self->first + 1, last, n);
  set_label (self->page_label, text);
  return G_SOURCE_REMOVE;
}

/* The layout says how many fit while it allocates: the label waits. */
static void
n_fit_cb (CocreaPlenaryWindow *self)
{
  if (self->page_label_id == 0)
    self->page_label_id = g_idle_add (update_page_label, self);
}

static void
tally_changed_cb (CocreaPlenaryWindow *self)
{
  bind_rows (self);
  n_fit_cb (self);
}

/* Someone else wrote to the file: count again. */
static void
outside_changed_cb (CocreaPlenaryWindow *self)
{
  g_autoptr (GError) error = NULL;

  if (!cocrea_tally_reload (self->tally, self->document, &error))
    {
      show_status (self, error);
      return;
    }
  show_status (self, NULL);
  update_header (self);
  /* A decision changes no count: the rows say "Selected" anew. */
  bind_rows (self);
}

/* ---- paging ---- */

static void
show_from (CocreaPlenaryWindow *self, guint first)
{
  if (first == 0)
    g_array_set_size (self->page_starts, 0);
  if (first == self->first)
    return;
  self->first = first;
  bind_rows (self);
  n_fit_cb (self);
}

static void
next_page_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CocreaPlenaryWindow *self = COCREA_PLENARY_WINDOW (widget);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->tally));
  guint next = self->first + n_fit (self);

  if (next >= n)
    return;
  g_array_append_val (self->page_starts, self->first);
  show_from (self, next);
}

static void
previous_page_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CocreaPlenaryWindow *self = COCREA_PLENARY_WINDOW (widget);
  guint previous = 0;

  /* Back to where the previous page began: pages differ in length, as
   * titles take one line or two. */
  if (self->page_starts->len > 0)
    {
      previous = g_array_index (self->page_starts, guint, self->page_starts->len - 1);
      g_array_set_size (self->page_starts, self->page_starts->len - 1);
    }
  show_from (self, MIN (previous, self->first));
}

static void
first_page_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  show_from (COCREA_PLENARY_WINDOW (widget), 0);
}

/* The arrows page through too, unless the minutes' field has the focus.
 * GtkWindow binds them to moving the focus, ahead of a subclass's keys,
 * so they are caught on the way down (capture). */
static gboolean
arrow_cb (GtkWidget *widget, GVariant *args, gpointer data)
{
  CocreaPlenaryWindow *self = COCREA_PLENARY_WINDOW (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->minutes_spin)))
    return FALSE;
  return gtk_widget_activate_action (widget, data, NULL);
}

static void
add_arrow_keys (CocreaPlenaryWindow *self)
{
  static const struct { guint key; const char *action; } arrows[] = {
    { GDK_KEY_Down, "plenary.next-page" },
    { GDK_KEY_Right, "plenary.next-page" },
    { GDK_KEY_Up, "plenary.previous-page" },
    { GDK_KEY_Left, "plenary.previous-page" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (arrows); i++)
    gtk_shortcut_controller_add_shortcut (
      GTK_SHORTCUT_CONTROLLER (controller),
      gtk_shortcut_new (gtk_keyval_trigger_new (arrows[i].key, 0),
                        gtk_callback_action_new (arrow_cb, (gpointer) arrows[i].action, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/* ---- text size and full screen ---- */

static void
change_size (CocreaPlenaryWindow *self, int step)
{
  self->size_step = CLAMP (step, MIN_STEP, MAX_STEP);
  update_text_size (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plenary.larger", self->size_step < MAX_STEP);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plenary.smaller", self->size_step > MIN_STEP);
}

static void
larger_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CocreaPlenaryWindow *self = COCREA_PLENARY_WINDOW (widget);

  change_size (self, self->size_step + 1);
}

static void
smaller_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CocreaPlenaryWindow *self = COCREA_PLENARY_WINDOW (widget);

  change_size (self, self->size_step - 1);
}

static void
normal_size_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  change_size (COCREA_PLENARY_WINDOW (widget), 0);
}

/* Esc: out of full screen first, so the facilitator can move the window
 * to the projector's screen; a second Esc closes. */
static void
leave_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CocreaPlenaryWindow *self = COCREA_PLENARY_WINDOW (widget);

  if (self->fullscreen)
    {
      self->fullscreen = FALSE;
      gtk_window_unfullscreen (GTK_WINDOW (self));
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
fullscreen_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CocreaPlenaryWindow *self = COCREA_PLENARY_WINDOW (widget);

  self->fullscreen = !self->fullscreen;
  if (self->fullscreen)
    gtk_window_fullscreen (GTK_WINDOW (self));
  else
    gtk_window_unfullscreen (GTK_WINDOW (self));
}

/* The window manager (or its keys) took the window in or out of full screen. */
static void
fullscreened_cb (CocreaPlenaryWindow *self)
{
  self->fullscreen = gtk_window_is_fullscreen (GTK_WINDOW (self));
}

static void
close_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* ---- the round timer ---- */

static gint64
timer_left (CocreaPlenaryWindow *self)
{
  if (!self->timer_running)
    return self->timer_left;
  return MAX (0, self->timer_end - g_get_monotonic_time ());
}

static void
update_timer (CocreaPlenaryWindow *self)
{
  gint64 left = timer_left (self);
  gint64 seconds = (left + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC;
  g_autofree char *text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->timer_label), self->timer_used);
  if (left == 0 && self->timer_used)
    {
      /* Said in words too: the colour alone is not read from afar. */
      text = g_strdup (_("Time is up"));
      gtk_widget_add_css_class (GTK_WIDGET (self->timer_label), "plenary-timer-done");
    }
  else
    {
      text = g_strdup_printf ("%" G_GINT64_FORMAT ":%02d", seconds / 60, (int) (seconds % 60));
      gtk_widget_remove_css_class (GTK_WIDGET (self->timer_label), "plenary-timer-done");
    }
  set_label (self->timer_label, text);
  gtk_button_set_label (self->timer_button,
                        self->timer_running ? _("Pause Timer") : _("Start Timer"));
}

static gboolean
timer_tick_cb (gpointer data)
{
  CocreaPlenaryWindow *self = data;

  update_timer (self);
  if (timer_left (self) > 0)
    return G_SOURCE_CONTINUE;
  self->timer_running = FALSE;
  self->timer_left = 0;
  self->timer_id = 0;
  update_timer (self);
  return G_SOURCE_REMOVE;
}

static gint64
round_length (CocreaPlenaryWindow *self)
{
  return (gint64) gtk_spin_button_get_value_as_int (self->minutes_spin) * 60 * G_USEC_PER_SEC;
}

/* T: starts the round (again from the full length once it ran out), or pauses it. */
static void
timer_toggle_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CocreaPlenaryWindow *self = COCREA_PLENARY_WINDOW (widget);

  if (self->timer_running)
    {
      self->timer_left = timer_left (self);
      self->timer_running = FALSE;
      g_clear_handle_id (&self->timer_id, g_source_remove);
    }
  else
    {
      if (!self->timer_used || self->timer_left == 0)
        self->timer_left = round_length (self);
      self->timer_used = TRUE;
      self->timer_running = TRUE;
      self->timer_end = g_get_monotonic_time () + self->timer_left;
      self->timer_id = g_timeout_add (250, timer_tick_cb, self);
    }
  update_timer (self);
}

/* R: the round again from its full length, paused. */
static void
timer_reset_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CocreaPlenaryWindow *self = COCREA_PLENARY_WINDOW (widget);

  g_clear_handle_id (&self->timer_id, g_source_remove);
  self->timer_running = FALSE;
  self->timer_used = TRUE;
  self->timer_left = round_length (self);
  update_timer (self);
}

static void
minutes_changed_cb (CocreaPlenaryWindow *self)
{
  if (!self->timer_running)
    {
      self->timer_left = round_length (self);
      if (self->timer_used)
        update_timer (self);
    }
}

/* ---- the window ---- */

/* The size of the monitor the window is on (the first one before it is
 * realized): the window takes it also where no window manager makes it
 * full screen (a bare X server, a kiosk). */
static void
size_to_monitor (CocreaPlenaryWindow *self)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self));
  g_autoptr (GdkMonitor) monitor = NULL;
  GdkRectangle area = { 0, 0, 1280, 720 };

  if (self->surface != NULL)
    monitor = g_object_ref (gdk_display_get_monitor_at_surface (display, self->surface));
  if (monitor == NULL)
    monitor = g_list_model_get_item (gdk_display_get_monitors (display), 0);
  if (monitor != NULL)
    gdk_monitor_get_geometry (monitor, &area);
  gtk_window_set_default_size (GTK_WINDOW (self), area.width, area.height);
}

/* Every window is cut a margin smaller than its screen when it is
 * realized (cocrea-fit-screen); the projector's takes the whole screen
 * back, after that (connected after every other handler). */
static void
realized_cb (CocreaPlenaryWindow *self)
{
  size_to_monitor (self);
}

static void
cocrea_plenary_window_realize (GtkWidget *widget)
{
  CocreaPlenaryWindow *self = COCREA_PLENARY_WINDOW (widget);

  GTK_WIDGET_CLASS (cocrea_plenary_window_parent_class)->realize (widget);
  self->surface = gtk_native_get_surface (GTK_NATIVE (widget));
  g_signal_connect_object (self->surface, "notify::height", G_CALLBACK (surface_size_cb), self,
                           G_CONNECT_SWAPPED);
  update_text_size (self);
}

static void
cocrea_plenary_window_unrealize (GtkWidget *widget)
{
  CocreaPlenaryWindow *self = COCREA_PLENARY_WINDOW (widget);

  if (self->surface != NULL)
    g_signal_handlers_disconnect_by_func (self->surface, surface_size_cb, self);
  self->surface = NULL;
  GTK_WIDGET_CLASS (cocrea_plenary_window_parent_class)->unrealize (widget);
}

static void
cocrea_plenary_window_dispose (GObject *object)
{
  CocreaPlenaryWindow *self = COCREA_PLENARY_WINDOW (object);

  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_clear_handle_id (&self->page_label_id, g_source_remove);
  if (self->document != NULL)
    cocrea_document_close (self->document);
  g_clear_object (&self->tally);
  g_clear_object (&self->document);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->page_starts, g_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), COCREA_TYPE_PLENARY_WINDOW);

  G_OBJECT_CLASS (cocrea_plenary_window_parent_class)->dispose (object);
}

static void
cocrea_plenary_window_finalize (GObject *object)
{
  g_clear_object (&COCREA_PLENARY_WINDOW (object)->provider);

  G_OBJECT_CLASS (cocrea_plenary_window_parent_class)->finalize (object);
}

static void
add_key (GtkWidgetClass *widget_class, guint key, GdkModifierType mods, const char *action)
{
  gtk_widget_class_add_binding_action (widget_class, key, mods, action, NULL);
}

static void
cocrea_plenary_window_class_init (CocreaPlenaryWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cocrea_plenary_window_dispose;
  object_class->finalize = cocrea_plenary_window_finalize;
  widget_class->realize = cocrea_plenary_window_realize;
  widget_class->unrealize = cocrea_plenary_window_unrealize;

  g_type_ensure (COCREA_TYPE_PLENARY_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/cocrea/Cocrea/cocrea-plenary-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CocreaPlenaryWindow, process_label);
  gtk_widget_class_bind_template_child (widget_class, CocreaPlenaryWindow, activity_label);
  gtk_widget_class_bind_template_child (widget_class, CocreaPlenaryWindow, selection_label);
  gtk_widget_class_bind_template_child (widget_class, CocreaPlenaryWindow, timer_label);
  gtk_widget_class_bind_template_child (widget_class, CocreaPlenaryWindow, rows_box);
  gtk_widget_class_bind_template_child (widget_class, CocreaPlenaryWindow, empty_label);
  gtk_widget_class_bind_template_child (widget_class, CocreaPlenaryWindow, page_label);
  gtk_widget_class_bind_template_child (widget_class, CocreaPlenaryWindow, status_label);
  gtk_widget_class_bind_template_child (widget_class, CocreaPlenaryWindow, minutes_spin);
  gtk_widget_class_bind_template_child (widget_class, CocreaPlenaryWindow, timer_button);
  gtk_widget_class_bind_template_callback (widget_class, minutes_changed_cb);

  gtk_widget_class_install_action (widget_class, "plenary.next-page", NULL, next_page_action);
  gtk_widget_class_install_action (widget_class, "plenary.previous-page", NULL,
                                   previous_page_action);
  gtk_widget_class_install_action (widget_class, "plenary.first-page", NULL, first_page_action);
  gtk_widget_class_install_action (widget_class, "plenary.larger", NULL, larger_action);
  gtk_widget_class_install_action (widget_class, "plenary.smaller", NULL, smaller_action);
  gtk_widget_class_install_action (widget_class, "plenary.normal-size", NULL, normal_size_action);
  gtk_widget_class_install_action (widget_class, "plenary.leave", NULL, leave_action);
  gtk_widget_class_install_action (widget_class, "plenary.fullscreen", NULL, fullscreen_action);
  gtk_widget_class_install_action (widget_class, "plenary.timer", NULL, timer_toggle_action);
  gtk_widget_class_install_action (widget_class, "plenary.timer-reset", NULL, timer_reset_action);
  /* The application's Ctrl+W. */
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);

  add_key (widget_class, GDK_KEY_Escape, 0, "plenary.leave");
  add_key (widget_class, GDK_KEY_F11, 0, "plenary.fullscreen");
  add_key (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "win.close");
  add_key (widget_class, GDK_KEY_Page_Down, 0, "plenary.next-page");
  add_key (widget_class, GDK_KEY_space, 0, "plenary.next-page");
  add_key (widget_class, GDK_KEY_Page_Up, 0, "plenary.previous-page");
  add_key (widget_class, GDK_KEY_Home, 0, "plenary.first-page");
  add_key (widget_class, GDK_KEY_plus, 0, "plenary.larger");
  add_key (widget_class, GDK_KEY_plus, GDK_SHIFT_MASK, "plenary.larger");
  add_key (widget_class, GDK_KEY_equal, 0, "plenary.larger");
  add_key (widget_class, GDK_KEY_KP_Add, 0, "plenary.larger");
  add_key (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "plenary.larger");
  add_key (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "plenary.larger");
  add_key (widget_class, GDK_KEY_minus, 0, "plenary.smaller");
  add_key (widget_class, GDK_KEY_KP_Subtract, 0, "plenary.smaller");
  add_key (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "plenary.smaller");
  add_key (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "plenary.normal-size");
  add_key (widget_class, GDK_KEY_t, 0, "plenary.timer");
  add_key (widget_class, GDK_KEY_r, 0, "plenary.timer-reset");
}

static void
cocrea_plenary_window_init (CocreaPlenaryWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->provider = gtk_css_provider_new ();
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_add_provider (gtk_widget_get_style_context (GTK_WIDGET (self)),
                                  GTK_STYLE_PROVIDER (self->provider),
                                  GTK_STYLE_PROVIDER_PRIORITY_USER);
  G_GNUC_END_IGNORE_DEPRECATIONS

  self->rows = g_ptr_array_new ();
  self->page_starts = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < MAX_ROWS; i++)
    {
      CocreaPlenaryRow *row = cocrea_plenary_row_new ();

      gtk_widget_set_visible (GTK_WIDGET (row), FALSE);
      gtk_widget_set_parent (GTK_WIDGET (row), self->rows_box);
      g_ptr_array_add (self->rows, row);
    }
  g_signal_connect_object (gtk_widget_get_layout_manager (self->rows_box), "notify::n-fit",
                           G_CALLBACK (n_fit_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::fullscreened", G_CALLBACK (fullscreened_cb), NULL);
  g_signal_connect_after (self, "realize", G_CALLBACK (realized_cb), NULL);

  add_arrow_keys (self);
  gtk_spin_button_set_value (self->minutes_spin, DEFAULT_MINUTES);
  self->timer_left = round_length (self);
  update_timer (self);
}

/**
 * cocrea_plenary_window_new:
 * @application: the application the window belongs to
 * @path: a process file
 * @error: return location for a #CocreaError
 *
 * Opens @path read-only, without the write lock, and makes the projector
 * view of it, full screen, following what any program writes to it.
 * Not presented yet.
 *
 * Returns: (transfer none): the window, or %NULL with @error set when the
 *   file cannot be read (missing, damaged, not a process, too old to read
 *   without upgrading it)
 */
CocreaPlenaryWindow *
cocrea_plenary_window_new (GtkApplication *application, const char *path, GError **error)
{
  g_autoptr (CocreaDocument) document = NULL;
  g_autoptr (CocreaTally) tally = NULL;
  CocreaPlenaryWindow *self;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  document = cocrea_document_open (path, COCREA_OPEN_READ_ONLY, error);
  if (document == NULL)
    return NULL;
  /* Only ever counted again whole (it never hears which records changed),
   * so it need not keep where each contribution is merged. */
  tally = COCREA_TALLY (cocrea_tally (document, error));
  if (tally == NULL)
    return NULL;

  self = g_object_new (COCREA_TYPE_PLENARY_WINDOW, "application", application, NULL);
  self->document = g_steal_pointer (&document);
  self->tally = g_steal_pointer (&tally);
  g_signal_connect_object (self->tally, "items-changed", G_CALLBACK (tally_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "outside-changed", G_CALLBACK (outside_changed_cb),
                           self, G_CONNECT_SWAPPED);
  cocrea_document_watch_outside (self->document, WATCH_MS);

  update_header (self);
  bind_rows (self);
  size_to_monitor (self);
  update_text_size (self);
  /* The list holds the focus, not the minutes' field, so +, − and the
   * digits act on the view. */
  gtk_window_set_focus (GTK_WINDOW (self), self->rows_box);
  self->fullscreen = TRUE;
  gtk_window_fullscreen (GTK_WINDOW (self));
  return self;
}

/* The document the view reads (read-only). */
CocreaDocument *
cocrea_plenary_window_get_document (CocreaPlenaryWindow *self)
{
  g_return_val_if_fail (COCREA_IS_PLENARY_WINDOW (self), NULL);

  return self->document;
}

/* The body text size now, in pixels. */
guint
cocrea_plenary_window_get_text_px (CocreaPlenaryWindow *self)
{
  g_return_val_if_fail (COCREA_IS_PLENARY_WINDOW (self), 0);

  return self->text_px;
}

/* How many proposals the screen shows whole now. */
guint
cocrea_plenary_window_get_n_shown (CocreaPlenaryWindow *self)
{
  guint n;

  g_return_val_if_fail (COCREA_IS_PLENARY_WINDOW (self), 0);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->tally));
  return n == 0 ? 0 : MIN (n - self->first, n_fit (self));
}

/* The tally's index of the first proposal shown (0 on the first page). */
guint
cocrea_plenary_window_get_first (CocreaPlenaryWindow *self)
{
  g_return_val_if_fail (COCREA_IS_PLENARY_WINDOW (self), 0);

  return self->first;
}
