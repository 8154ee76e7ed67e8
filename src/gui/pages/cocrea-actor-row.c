/* cocrea-actor-row.c — one other actor of a commitment, with its Remove button
 *
 * The actor's name over its kind; the button activates the commitment
 * editor's editor.remove-actor with the actor's id.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "cocrea-actor-row.h"

struct _CocreaActorRow
{
  AdwActionRow parent_instance;

  CocreaActor *actor;

  /* template children */
  GtkButton *remove_button;
};

G_DEFINE_FINAL_TYPE (CocreaActorRow, cocrea_actor_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_ACTOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

CocreaActor *
cocrea_actor_row_get_actor (CocreaActorRow *self)
{
  g_return_val_if_fail (COCREA_IS_ACTOR_ROW (self), NULL);
  return self->actor;
}

static void
show_actor (CocreaActorRow *self)
{
  g_autofree char *label = g_strdup_printf (_("Remove %s"), cocrea_actor_get_name (self->actor));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), cocrea_actor_get_name (self->actor));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self),
                               cocrea_actor_kind_label (cocrea_actor_get_kind (self->actor)));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->remove_button), "x",
                                    cocrea_actor_get_id (self->actor));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->remove_button), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

GtkWidget *
cocrea_actor_row_new (CocreaActor *actor)
{
  g_return_val_if_fail (COCREA_IS_ACTOR (actor), NULL);

  return g_object_new (COCREA_TYPE_ACTOR_ROW, "actor", actor, NULL);
}

static void
cocrea_actor_row_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CocreaActorRow *self = COCREA_ACTOR_ROW (object);

  switch (prop_id)
    {
    case PROP_ACTOR:
      g_value_set_object (value, self->actor);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cocrea_actor_row_set_property (GObject *object, guint prop_id, const GValue *value,
                               GParamSpec *pspec)
{
  CocreaActorRow *self = COCREA_ACTOR_ROW (object);

  switch (prop_id)
    {
    case PROP_ACTOR:
      self->actor = g_value_dup_object (value);
      show_actor (self);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cocrea_actor_row_dispose (GObject *object)
{
  CocreaActorRow *self = COCREA_ACTOR_ROW (object);

  g_clear_object (&self->actor);

  G_OBJECT_CLASS (cocrea_actor_row_parent_class)->dispose (object);
}

static void
cocrea_actor_row_class_init (CocreaActorRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cocrea_actor_row_dispose;
  object_class->get_property = cocrea_actor_row_get_property;
  object_class->set_property = cocrea_actor_row_set_property;

  /**
   * CocreaActorRow:actor:
   * The actor shown.
   */
  properties[PROP_ACTOR] =
    g_param_spec_object ("actor", NULL, NULL, COCREA_TYPE_ACTOR,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/cocrea/Cocrea/cocrea-actor-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CocreaActorRow, remove_button);
}

static void
cocrea_actor_row_init (CocreaActorRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
