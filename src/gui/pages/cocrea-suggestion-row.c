/* cocrea-suggestion-row.c — one likely duplicate of what is typed, on the Capture page
 *
 * The item is a CocreaSuggestion: a proposal or a contribution, how
 * close it is, and its text (two lines at most). The first row, at
 * "position" 0, is the one Ctrl+M merges into, and says so.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "cocrea-suggestion-row.h"
#include "cocrea-suggestion.h"
#include "cocrea-text.h"

struct _CocreaSuggestionRow
{
  CocreaItemWidget parent_instance;

  guint position;

  /* template children */
  GtkLabel *kind_label;
  GtkLabel *score_label;
  GtkLabel *text_label;
};

G_DEFINE_FINAL_TYPE (CocreaSuggestionRow, cocrea_suggestion_row, COCREA_TYPE_ITEM_WIDGET)

enum {
  PROP_0,
  PROP_POSITION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cocrea_suggestion_row_show_item (CocreaItemWidget *widget, gpointer item)
{
  CocreaSuggestionRow *self = COCREA_SUGGESTION_ROW (widget);
  CocreaSuggestion *suggestion = COCREA_SUGGESTION (item);
  gboolean proposal = cocrea_suggestion_get_kind (suggestion) == COCREA_SUGGESTION_PROPOSAL;
  g_autofree char *kind = NULL;
  g_autofree char *score = NULL;
  g_autofree char *text = cocrea_text_first_line (cocrea_suggestion_get_text (suggestion), 300);
  g_autofree char *description = NULL;

  if (self->position == 0)
    /* TRANSLATORS: the best suggestion, which Ctrl+M merges into */
    kind = g_strdup_printf (_("%s · Ctrl+M"), proposal ? _("Proposal") : _("Contribution"));
  else
    kind = g_strdup (proposal ? _("Proposal") : _("Contribution"));
  /* TRANSLATORS: how close a suggestion is, higher is closer */
  score = g_strdup_printf (_("score %.1f"), cocrea_suggestion_get_score (suggestion));
  /* TRANSLATORS: "Proposal, score 4.2" read by screen readers */
  description = g_strdup_printf (_("%s, %s"), proposal ? _("Proposal") : _("Contribution"), score);

  gtk_label_set_text (self->kind_label, kind);
  gtk_label_set_text (self->score_label, score);
  gtk_label_set_text (self->text_label, text);
  if (proposal)
    gtk_widget_add_css_class (GTK_WIDGET (self->kind_label), "proposal");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->kind_label), "proposal");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
}

/* The row's place in the list: the first says Ctrl+M merges into it. */
static void
set_position (CocreaSuggestionRow *self, guint position)
{
  gpointer item = cocrea_item_widget_get_item (COCREA_ITEM_WIDGET (self));

  if (self->position == position)
    return;
  self->position = position;
  if (item != NULL)
    cocrea_suggestion_row_show_item (COCREA_ITEM_WIDGET (self), item);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

static void
cocrea_suggestion_row_get_property (GObject *object, guint prop_id, GValue *value,
                                    GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_POSITION:
      g_value_set_uint (value, COCREA_SUGGESTION_ROW (object)->position);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cocrea_suggestion_row_set_property (GObject *object, guint prop_id, const GValue *value,
                                    GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_POSITION:
      set_position (COCREA_SUGGESTION_ROW (object), g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cocrea_suggestion_row_class_init (CocreaSuggestionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = cocrea_suggestion_row_get_property;
  object_class->set_property = cocrea_suggestion_row_set_property;
  COCREA_ITEM_WIDGET_CLASS (klass)->show_item = cocrea_suggestion_row_show_item;

  /**
   * CocreaSuggestionRow:position:
   * The row's place in the list of suggestions, 0 for the best.
   */
  properties[PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, G_MAXUINT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/cocrea/Cocrea/cocrea-suggestion-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CocreaSuggestionRow, kind_label);
  gtk_widget_class_bind_template_child (widget_class, CocreaSuggestionRow, score_label);
  gtk_widget_class_bind_template_child (widget_class, CocreaSuggestionRow, text_label);
  /* What a screen reader met here when the row was a plain box. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
cocrea_suggestion_row_init (CocreaSuggestionRow *self)
{
  self->position = G_MAXUINT;
  gtk_widget_init_template (GTK_WIDGET (self));
}
