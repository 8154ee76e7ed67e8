/* cocrea-score-matrix.c — one evaluator's scores, typed from the keyboard
 *
 * Rows are the shortlisted proposals, columns the criteria. Every cell is
 * a flat button, so focus is visible; the grid is one Tab stop, and one
 * key controller on the matrix turns arrows into moves between cells and
 * digits into scores, saved at once. The grid is built from the process's
 * data when it loads, hence no template: there is nothing static in it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "cocrea-criterion.h"
#include "cocrea-ranking.h"
#include "cocrea-score-matrix.h"
#include "cocrea-score.h"

typedef struct {
  gint64 id;
  char *title;
} Row;

typedef struct {
  char *key;
  char *name;
  int scale_min;
  int scale_max;
} Column;

struct _CocreaScoreMatrix
{
  GtkWidget parent_instance;

  CocreaDocument *document;
  gint64 evaluator_id;

  GArray *rows;      /* Row */
  GArray *columns;   /* Column */
  int *values;       /* n_rows × n_columns; -1 when not scored */
  char **notes;      /* n_rows × n_columns; NULL when none */
  GtkWidget **cells; /* n_rows × n_columns */

  guint row;
  guint column;
  /* Digits typed into the current cell just before: "1" then "0" is 10
   * on a 0–10 scale. */
  int pending;
  gint64 pending_time;
  /* Set while this matrix writes, so the "changed" it causes does not
   * rebuild the grid under the user's fingers. */
  gboolean saving;

  GtkWidget *box;
  GtkWidget *grid;
  GtkWidget *message;
  GtkWidget *empty;
  GtkWidget *note_popover;
  GtkWidget *note_entry;
};

G_DEFINE_FINAL_TYPE (CocreaScoreMatrix, cocrea_score_matrix, GTK_TYPE_WIDGET)

/* Two digits typed within this time go to the same score. */
#define DIGIT_JOIN_USEC (900 * 1000)

static void
row_clear (gpointer data)
{
  g_free (((Row *) data)->title);
}

static void
column_clear (gpointer data)
{
  Column *column = data;
  g_free (column->key);
  g_free (column->name);
}

GtkWidget *
cocrea_score_matrix_new (void)
{
  return g_object_new (COCREA_TYPE_SCORE_MATRIX, NULL);
}

guint
cocrea_score_matrix_get_n_rows (CocreaScoreMatrix *self)
{
  g_return_val_if_fail (COCREA_IS_SCORE_MATRIX (self), 0);
  return self->rows->len;
}

guint
cocrea_score_matrix_get_n_columns (CocreaScoreMatrix *self)
{
  g_return_val_if_fail (COCREA_IS_SCORE_MATRIX (self), 0);
  return self->columns->len;
}

static guint
index_of (CocreaScoreMatrix *self, guint row, guint column)
{
  g_assert (row < self->rows->len && column < self->columns->len);
  return row * self->columns->len + column;
}

GtkWidget *
cocrea_score_matrix_get_cell (CocreaScoreMatrix *self, guint row, guint column)
{
  g_return_val_if_fail (COCREA_IS_SCORE_MATRIX (self), NULL);
  g_return_val_if_fail (row < self->rows->len && column < self->columns->len, NULL);
  return self->cells[index_of (self, row, column)];
}

gint64
cocrea_score_matrix_get_proposal_id (CocreaScoreMatrix *self, guint row)
{
  g_return_val_if_fail (COCREA_IS_SCORE_MATRIX (self), 0);
  g_return_val_if_fail (row < self->rows->len, 0);
  return g_array_index (self->rows, Row, row).id;
}

const char *
cocrea_score_matrix_get_criterion (CocreaScoreMatrix *self, guint column)
{
  g_return_val_if_fail (COCREA_IS_SCORE_MATRIX (self), NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);
  return g_array_index (self->columns, Column, column).key;
}

/* The last thing the matrix told the user (an error or a confirmation). */
const char *
cocrea_score_matrix_get_message (CocreaScoreMatrix *self)
{
  g_return_val_if_fail (COCREA_IS_SCORE_MATRIX (self), NULL);
  return gtk_label_get_text (GTK_LABEL (self->message));
}

static void
set_message (CocreaScoreMatrix *self, const char *text, gboolean error)
{
  gtk_label_set_text (GTK_LABEL (self->message), text != NULL ? text : "");
  if (error)
    gtk_widget_add_css_class (self->message, "error");
  else
    gtk_widget_remove_css_class (self->message, "error");
}

/* Shows the value and note of one cell, in text and for screen readers. */
static void
update_cell (CocreaScoreMatrix *self, guint row, guint column)
{
  guint i = index_of (self, row, column);
  GtkWidget *cell = self->cells[i];
  const Row *r = &g_array_index (self->rows, Row, row);
  const Column *c = &g_array_index (self->columns, Column, column);
  g_autofree char *text = NULL;
  g_autofree char *label = NULL;

  if (self->values[i] >= 0)
    text = g_strdup_printf ("%d", self->values[i]);
  else
    text = g_strdup ("–");
  gtk_button_set_label (GTK_BUTTON (cell), text);

  if (self->notes[i] != NULL && *self->notes[i] != '\0')
    gtk_widget_add_css_class (cell, "has-note");
  else
    gtk_widget_remove_css_class (cell, "has-note");
  gtk_widget_set_tooltip_text (cell, self->notes[i]);

  if (self->values[i] >= 0)
    /* TRANSLATORS: a score cell, read by screen readers: "Open data portal, Budget viability: 4" */
    label = g_strdup_printf (_("%s, %s: %d"), r->title, c->name, self->values[i]);
  else
    /* TRANSLATORS: a score cell without a score: "Open data portal, Budget viability: not scored" */
    label = g_strdup_printf (_("%s, %s: not scored"), r->title, c->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->notes[i] != NULL ? self->notes[i] : "", -1);
}

void
cocrea_score_matrix_get_cursor (CocreaScoreMatrix *self, guint *row, guint *column)
{
  g_return_if_fail (COCREA_IS_SCORE_MATRIX (self));
  if (row != NULL)
    *row = self->row;
  if (column != NULL)
    *column = self->column;
}

/**
 * cocrea_score_matrix_set_cursor:
 * Moves to a cell (clamped to the matrix) and gives it the focus.
 */
void
cocrea_score_matrix_set_cursor (CocreaScoreMatrix *self, guint row, guint column)
{
  g_return_if_fail (COCREA_IS_SCORE_MATRIX (self));

  if (self->rows->len == 0 || self->columns->len == 0)
    return;

  row = MIN (row, self->rows->len - 1);
  column = MIN (column, self->columns->len - 1);
  if (row != self->row || column != self->column)
    self->pending = -1;
  self->row = row;
  self->column = column;
  gtk_widget_grab_focus (self->cells[index_of (self, row, column)]);
}

static void
cell_focus_enter_cb (GtkEventControllerFocus *controller, CocreaScoreMatrix *self)
{
  GtkWidget *cell = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  int grid_column, grid_row;
  guint row, column;

  /* The grid knows where the cell is: row 0 holds the criteria, column 0
   * the proposals. */
  gtk_grid_query_child (GTK_GRID (self->grid), cell, &grid_column, &grid_row, NULL, NULL);
  g_assert (grid_row > 0 && grid_column > 0);
  row = (guint) grid_row - 1;
  column = (guint) grid_column - 1;
  if (row != self->row || column != self->column)
    self->pending = -1;
  self->row = row;
  self->column = column;
}

/* Writes @value (or clears the cell when negative) with @note, and says
 * so; on failure the cell keeps what it had and the core's message shows. */
static gboolean
save_cell (CocreaScoreMatrix *self, int value, const char *note)
{
  guint i = index_of (self, self->row, self->column);
  const Row *r = &g_array_index (self->rows, Row, self->row);
  const Column *c = &g_array_index (self->columns, Column, self->column);
  g_autoptr (GError) error = NULL;
  gboolean ok;

  self->saving = TRUE;
  if (value < 0)
    ok = cocrea_score_clear (self->document, self->evaluator_id, r->id, c->key, &error);
  else
    ok = cocrea_score_set (self->document, self->evaluator_id, r->id, c->key, value, note, &error);
  self->saving = FALSE;

  if (!ok)
    {
      gtk_widget_add_css_class (self->cells[i], "error");
      set_message (self, error->message, TRUE);
      return FALSE;
    }

  self->values[i] = value;
  if (value < 0 || note != self->notes[i])
    {
      g_free (self->notes[i]);
      self->notes[i] = value < 0 ? NULL : g_strdup (note);
    }
  gtk_widget_remove_css_class (self->cells[i], "error");
  update_cell (self, self->row, self->column);
  set_message (self, NULL, FALSE);
  return TRUE;
}

static void
type_digit (CocreaScoreMatrix *self, int digit)
{
  guint i = index_of (self, self->row, self->column);
  const Column *c = &g_array_index (self->columns, Column, self->column);
  gint64 now = g_get_monotonic_time ();
  int value = digit;

  /* A second digit right after the first makes a two-digit score, when
   * the scale has room for it. */
  if (self->pending >= 0 && now - self->pending_time < DIGIT_JOIN_USEC &&
      self->pending * 10 + digit <= c->scale_max)
    value = self->pending * 10 + digit;

  if (value < c->scale_min || value > c->scale_max)
    {
      g_autofree char *text =
        /* TRANSLATORS: "7 is outside the scale of Budget viability (1–5); nothing was saved." */
        g_strdup_printf (_("%d is outside the scale of %s (%d–%d); nothing was saved."), value,
                         c->name, c->scale_min, c->scale_max);
      gtk_widget_add_css_class (self->cells[i], "error");
      set_message (self, text, TRUE);
      gtk_widget_error_bell (GTK_WIDGET (self));
      self->pending = -1;
      return;
    }

  if (save_cell (self, value, self->notes[i]))
    {
      self->pending = value;
      self->pending_time = now;
    }
}

static void
open_note (CocreaScoreMatrix *self)
{
  guint i = index_of (self, self->row, self->column);
  GtkWidget *cell = self->cells[i];
  graphene_rect_t bounds;

  if (self->values[i] < 0)
    {
      set_message (self, _("Type a score first, then add its note."), TRUE);
      return;
    }

  if (!gtk_widget_compute_bounds (cell, GTK_WIDGET (self), &bounds))
    return;
  gtk_popover_set_pointing_to (GTK_POPOVER (self->note_popover),
                               &(GdkRectangle) { (int) bounds.origin.x, (int) bounds.origin.y,
                                                 (int) bounds.size.width,
                                                 (int) bounds.size.height });
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry),
                         self->notes[i] != NULL ? self->notes[i] : "");
  gtk_popover_popup (GTK_POPOVER (self->note_popover));
  gtk_widget_grab_focus (self->note_entry);
}

static void
note_activate_cb (CocreaScoreMatrix *self)
{
  guint i = index_of (self, self->row, self->column);
  const char *note = gtk_editable_get_text (GTK_EDITABLE (self->note_entry));

  if (save_cell (self, self->values[i], *note != '\0' ? note : NULL))
    set_message (self, _("Note saved."), FALSE);
  gtk_popover_popdown (GTK_POPOVER (self->note_popover));
}

static void
note_closed_cb (CocreaScoreMatrix *self)
{
  if (self->rows->len > 0 && self->columns->len > 0)
    gtk_widget_grab_focus (self->cells[index_of (self, self->row, self->column)]);
}

/**
 * cocrea_score_matrix_handle_key:
 * What a key does in the matrix: arrows, Home and End move; a digit
 * scores the current cell (refused outside the criterion's scale);
 * Delete or BackSpace clears it; Return or N opens its note. Returns
 * whether the key was used. The key controller calls this, and so can
 * the tests, without synthesising events.
 */
gboolean
cocrea_score_matrix_handle_key (CocreaScoreMatrix *self, guint keyval, GdkModifierType state)
{
  int row, column;

  g_return_val_if_fail (COCREA_IS_SCORE_MATRIX (self), FALSE);

  if (self->document == NULL || self->rows->len == 0 || self->columns->len == 0)
    return FALSE;
  /* Shortcuts with Ctrl or Alt belong to the window. */
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK))
    return FALSE;

  row = (int) self->row;
  column = (int) self->column;

  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      cocrea_score_matrix_set_cursor (self, (guint) MAX (row - 1, 0), column);
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      cocrea_score_matrix_set_cursor (self, row + 1, column);
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      cocrea_score_matrix_set_cursor (self, row, (guint) MAX (column - 1, 0));
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      cocrea_score_matrix_set_cursor (self, row, column + 1);
      return TRUE;
    case GDK_KEY_Home:
      cocrea_score_matrix_set_cursor (self, row, 0);
      return TRUE;
    case GDK_KEY_End:
      cocrea_score_matrix_set_cursor (self, row, self->columns->len - 1);
      return TRUE;
    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
    case GDK_KEY_BackSpace:
      self->pending = -1;
      if (cocrea_document_is_read_only (self->document))
        return TRUE;
      save_cell (self, -1, NULL);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_n:
    case GDK_KEY_N:
      open_note (self);
      return TRUE;
    default:
      break;
    }

  if ((keyval >= GDK_KEY_0 && keyval <= GDK_KEY_9) ||
      (keyval >= GDK_KEY_KP_0 && keyval <= GDK_KEY_KP_9))
    {
      int digit = keyval >= GDK_KEY_KP_0 ? (int) (keyval - GDK_KEY_KP_0) : (int) (keyval - GDK_KEY_0);

      type_digit (self, digit);
      return TRUE;
    }

  return FALSE;
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller, guint keyval, guint keycode,
                GdkModifierType state, CocreaScoreMatrix *self)
{
  /* The note entry has keys of its own. */
  if (gtk_widget_get_visible (self->note_popover))
    return FALSE;
  return cocrea_score_matrix_handle_key (self, keyval, state);
}

static void
clear_grid (CocreaScoreMatrix *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->grid)) != NULL)
    gtk_grid_remove (GTK_GRID (self->grid), child);

  if (self->values != NULL)
    for (guint i = 0; i < self->rows->len * self->columns->len; i++)
      g_free (self->notes[i]);
  g_clear_pointer (&self->values, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->cells, g_free);
  g_array_set_size (self->rows, 0);
  g_array_set_size (self->columns, 0);
}

static int
find_row (CocreaScoreMatrix *self, gint64 id)
{
  for (guint r = 0; r < self->rows->len; r++)
    if (g_array_index (self->rows, Row, r).id == id)
      return (int) r;
  return -1;
}

static int
find_column (CocreaScoreMatrix *self, const char *key)
{
  for (guint c = 0; c < self->columns->len; c++)
    if (g_str_equal (g_array_index (self->columns, Column, c).key, key))
      return (int) c;
  return -1;
}

/* Proposals the evaluators score: those that reached the shortlist. */
static gboolean
is_shortlisted (const char *status)
{
  return g_strcmp0 (status, "shortlisted") == 0 || g_strcmp0 (status, "selected") == 0 ||
         g_strcmp0 (status, "not-selected") == 0;
}

/* Return, Enter or Space on a cell opens its note, as N does; the
 * button would otherwise just click. A mouse click only focuses. */
static void
cell_activate_cb (GtkButton *cell, CocreaScoreMatrix *self)
{
  g_signal_stop_emission_by_name (cell, "activate");
  open_note (self);
}

static GtkWidget *
make_cell (CocreaScoreMatrix *self)
{
  GtkWidget *cell = gtk_button_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_widget_set_focus_on_click (cell, TRUE);
  gtk_widget_add_css_class (cell, "flat");
  gtk_widget_add_css_class (cell, "score-cell");
  gtk_widget_add_css_class (cell, "numeric");
  gtk_widget_set_size_request (cell, 56, -1);
  gtk_widget_set_hexpand (cell, TRUE);
  g_signal_connect (focus, "enter", G_CALLBACK (cell_focus_enter_cb), self);
  gtk_widget_add_controller (cell, focus);
  g_signal_connect (cell, "activate", G_CALLBACK (cell_activate_cb), self);
  return cell;
}

/* A column heading: the criterion and its scale. The full name is its
 * tooltip and what screen readers say; a long name of the process's own
 * wraps onto three lines at most, so that no column widens the grid past
 * its place (issue 11). */
static GtkWidget *
make_heading (const Column *column)
{
  g_autofree char *scale = g_strdup_printf ("%d–%d", column->scale_min, column->scale_max);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *name = gtk_label_new (cocrea_criterion_short_name (column->key, column->name));
  GtkWidget *range = gtk_label_new (scale);

  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (name), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (name), 3);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (name), 5);
  gtk_label_set_max_width_chars (GTK_LABEL (name), 14);
  gtk_label_set_justify (GTK_LABEL (name), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (name, "heading");
  gtk_widget_set_tooltip_text (name, column->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (name), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  column->name, -1);
  gtk_widget_add_css_class (range, "dim-label");
  gtk_widget_add_css_class (range, "caption");
  gtk_widget_set_valign (box, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), range);
  return box;
}

/**
 * cocrea_score_matrix_reload:
 * Reads the shortlist, the criteria and the evaluator's scores again and
 * rebuilds the grid, keeping the current cell (and the focus, if the
 * matrix had it). Does nothing while the matrix itself is writing.
 */
void
cocrea_score_matrix_reload (CocreaScoreMatrix *self)
{
  g_autoptr (CocreaRankingData) data = NULL;
  g_autoptr (GListModel) scores = NULL;
  g_autoptr (GError) error = NULL;
  GtkRoot *root;
  gboolean had_focus = FALSE;
  guint n;

  g_return_if_fail (COCREA_IS_SCORE_MATRIX (self));

  if (self->saving)
    return;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (root != NULL && gtk_root_get_focus (root) != NULL)
    had_focus = gtk_widget_is_ancestor (gtk_root_get_focus (root), self->grid);

  clear_grid (self);
  set_message (self, NULL, FALSE);

  if (self->document == NULL || self->evaluator_id <= 0)
    {
      gtk_widget_set_visible (self->empty, TRUE);
      gtk_widget_set_visible (self->grid, FALSE);
      return;
    }

  data = cocrea_ranking_data_load (self->document, &error);
  if (data != NULL)
    scores = cocrea_score_list (self->document, self->evaluator_id, &error);
  if (scores == NULL)
    {
      set_message (self, error->message, TRUE);
      return;
    }

  for (guint p = 0; p < data->proposals->len; p++)
    {
      const CocreaRankProposal *proposal = &g_array_index (data->proposals, CocreaRankProposal, p);
      Row row;

      if (!is_shortlisted (proposal->status))
        continue;
      row = (Row) { proposal->id, g_strdup (proposal->title) };
      g_array_append_val (self->rows, row);
    }
  for (guint c = 0; c < data->criteria->len; c++)
    {
      const CocreaRankCriterion *criterion = &g_array_index (data->criteria, CocreaRankCriterion, c);
      Column column = { g_strdup (criterion->key), g_strdup (criterion->name),
                        criterion->scale_min, criterion->scale_max };

      g_array_append_val (self->columns, column);
    }

  n = self->rows->len * self->columns->len;
  gtk_widget_set_visible (self->empty, n == 0);
  gtk_widget_set_visible (self->grid, n > 0);
  gtk_label_set_text (GTK_LABEL (self->empty),
                      self->rows->len == 0 ? _("No proposal is shortlisted yet. Shortlist proposals on the Prioritise page.")
                                           : _("The process has no criteria."));
  if (n == 0)
    return;

  self->values = g_new (int, n);
  self->notes = g_new0 (char *, n);
  self->cells = g_new0 (GtkWidget *, n);
  for (guint i = 0; i < n; i++)
    self->values[i] = -1;

  for (guint i = 0; i < g_list_model_get_n_items (scores); i++)
    {
      g_autoptr (CocreaScore) score = g_list_model_get_item (scores, i);
      int r = find_row (self, cocrea_score_get_proposal_id (score));
      int c = find_column (self, cocrea_score_get_criterion (score));

      if (r < 0 || c < 0)
        continue;
      self->values[index_of (self, r, c)] = cocrea_score_get_value (score);
      self->notes[index_of (self, r, c)] = g_strdup (cocrea_score_get_note (score));
    }

  for (guint c = 0; c < self->columns->len; c++)
    gtk_grid_attach (GTK_GRID (self->grid), make_heading (&g_array_index (self->columns, Column, c)),
                     (int) c + 1, 0, 1, 1);

  for (guint r = 0; r < self->rows->len; r++)
    {
      GtkWidget *title = gtk_label_new (g_array_index (self->rows, Row, r).title);

      /* On a narrow page, or with large text, the titles wrap onto more
       * lines, down to 12 characters wide. The matrix is not in a sideways
       * scroller (which measured its height at its narrowest, so a title
       * could not be narrower there than at its widest): its place gives
       * its width, and its height follows. */
      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_label_set_wrap (GTK_LABEL (title), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_width_chars (GTK_LABEL (title), 12);
      gtk_label_set_max_width_chars (GTK_LABEL (title), 32);
      gtk_grid_attach (GTK_GRID (self->grid), title, 0, (int) r + 1, 1, 1);

      for (guint c = 0; c < self->columns->len; c++)
        {
          GtkWidget *cell = make_cell (self);

          self->cells[index_of (self, r, c)] = cell;
          gtk_grid_attach (GTK_GRID (self->grid), cell, (int) c + 1, (int) r + 1, 1, 1);
          update_cell (self, r, c);
        }
    }

  self->row = MIN (self->row, self->rows->len - 1);
  self->column = MIN (self->column, self->columns->len - 1);
  if (had_focus)
    gtk_widget_grab_focus (self->cells[index_of (self, self->row, self->column)]);
}

/**
 * cocrea_score_matrix_load:
 * Shows the scores @evaluator_id gave in @document (nothing when 0).
 */
void
cocrea_score_matrix_load (CocreaScoreMatrix *self, CocreaDocument *document, gint64 evaluator_id)
{
  g_return_if_fail (COCREA_IS_SCORE_MATRIX (self));
  g_return_if_fail (document == NULL || COCREA_IS_DOCUMENT (document));

  g_set_object (&self->document, document);
  if (evaluator_id != self->evaluator_id)
    {
      self->row = 0;
      self->column = 0;
    }
  self->evaluator_id = evaluator_id;
  self->pending = -1;
  cocrea_score_matrix_reload (self);
}

static void
cocrea_score_matrix_dispose (GObject *object)
{
  CocreaScoreMatrix *self = COCREA_SCORE_MATRIX (object);
  GtkWidget *child;

  if (self->grid != NULL)
    clear_grid (self);
  g_clear_pointer (&self->note_popover, gtk_widget_unparent);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->box = self->grid = NULL;
  g_clear_object (&self->document);

  G_OBJECT_CLASS (cocrea_score_matrix_parent_class)->dispose (object);
}

static void
cocrea_score_matrix_finalize (GObject *object)
{
  CocreaScoreMatrix *self = COCREA_SCORE_MATRIX (object);

  g_array_unref (self->rows);
  g_array_unref (self->columns);

  G_OBJECT_CLASS (cocrea_score_matrix_parent_class)->finalize (object);
}

static void
cocrea_score_matrix_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                             int *minimum, int *natural, int *minimum_baseline, int *natural_baseline)
{
  CocreaScoreMatrix *self = COCREA_SCORE_MATRIX (widget);

  gtk_widget_measure (self->box, orientation, for_size, minimum, natural, minimum_baseline,
                      natural_baseline);
}

static GtkSizeRequestMode
cocrea_score_matrix_get_request_mode (GtkWidget *widget)
{
  /* Proposal titles wrap: their height depends on the width given. */
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

/* Laid out by hand rather than by a layout manager, because the note
 * popover, a child too, must be presented on every allocation. */
static void
cocrea_score_matrix_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  CocreaScoreMatrix *self = COCREA_SCORE_MATRIX (widget);

  gtk_widget_allocate (self->box, width, height, baseline, NULL);
  if (self->note_popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->note_popover));
}

/* The grid is one Tab stop, as a GNOME table is: Tab enters it at the
 * current cell and the next Tab leaves it; the arrows move inside. Every
 * cell used to be a Tab stop of its own (45 Tabs to cross the grid). */
static gboolean
cocrea_score_matrix_focus (GtkWidget *widget, GtkDirectionType direction)
{
  CocreaScoreMatrix *self = COCREA_SCORE_MATRIX (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  gboolean inside = self->grid != NULL && focus != NULL && gtk_widget_is_ancestor (focus, self->grid);

  if (self->grid == NULL || self->rows->len == 0 || self->columns->len == 0)
    return GTK_WIDGET_CLASS (cocrea_score_matrix_parent_class)->focus (widget, direction);
  if (inside)
    return direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD;
  return gtk_widget_grab_focus (self->cells[index_of (self, self->row, self->column)]);
}

static void
cocrea_score_matrix_class_init (CocreaScoreMatrixClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cocrea_score_matrix_dispose;
  object_class->finalize = cocrea_score_matrix_finalize;
  widget_class->measure = cocrea_score_matrix_measure;
  widget_class->get_request_mode = cocrea_score_matrix_get_request_mode;
  widget_class->size_allocate = cocrea_score_matrix_size_allocate;
  widget_class->focus = cocrea_score_matrix_focus;

  gtk_widget_class_set_css_name (widget_class, "scorematrix");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
cocrea_score_matrix_init (CocreaScoreMatrix *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkWidget *box;

  self->rows = g_array_new (FALSE, FALSE, sizeof (Row));
  g_array_set_clear_func (self->rows, row_clear);
  self->columns = g_array_new (FALSE, FALSE, sizeof (Column));
  g_array_set_clear_func (self->columns, column_clear);
  self->pending = -1;

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->empty = gtk_label_new (_("Choose or add an evaluator to score the shortlist."));
  gtk_label_set_wrap (GTK_LABEL (self->empty), TRUE);
  gtk_widget_add_css_class (self->empty, "dim-label");
  gtk_widget_set_margin_top (self->empty, 12);
  gtk_widget_set_margin_bottom (self->empty, 12);
  gtk_box_append (GTK_BOX (self->box), self->empty);

  self->grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (self->grid), 4);
  gtk_grid_set_column_spacing (GTK_GRID (self->grid), 4);
  gtk_widget_add_css_class (self->grid, "score-grid");
  gtk_widget_set_visible (self->grid, FALSE);
  gtk_box_append (GTK_BOX (self->box), self->grid);

  self->message = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->message), 0);
  gtk_label_set_wrap (GTK_LABEL (self->message), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->message),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Scoring message"), -1);
  gtk_box_append (GTK_BOX (self->box), self->message);

  /* One popover for the note of whichever cell is current. */
  self->note_popover = gtk_popover_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (box), gtk_label_new (_("Note for this score")));
  self->note_entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->note_entry), _("Why this score"));
  gtk_editable_set_width_chars (GTK_EDITABLE (self->note_entry), 36);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->note_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Note for this score"), -1);
  g_signal_connect_swapped (self->note_entry, "activate", G_CALLBACK (note_activate_cb), self);
  gtk_box_append (GTK_BOX (box), self->note_entry);
  gtk_popover_set_child (GTK_POPOVER (self->note_popover), box);
  gtk_widget_set_parent (self->note_popover, GTK_WIDGET (self));
  g_signal_connect_swapped (self->note_popover, "closed", G_CALLBACK (note_closed_cb), self);

  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Scores of the chosen evaluator"), -1);
}
