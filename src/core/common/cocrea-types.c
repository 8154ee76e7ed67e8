/* cocrea-types.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>

#include "cocrea-error.h"
#include "cocrea-text.h"
#include "cocrea-types.h"

typedef struct {
  const char *key;
  const char *label;      /* marked with N_(), translated on use */
  const char *aliases[8]; /* folded spellings accepted on import */
} Value;

static const Value activity_kinds[] = {
  { "interview",      N_("Interview"),              { NULL } },
  { "survey",         N_("Survey"),                 { NULL } },
  { "workshop",       N_("Workshop"),               { NULL } },
  { "complementary",  N_("Complementary meeting"),  { NULL } },
  { "self-organised", N_("Self-organised meeting"), { NULL } },
  { "online",         N_("Online channel"),         { NULL } },
};

static const Value origins[] = {
  { "community", N_("Community"), { "community", "comunidad", "comunitaria", "comunitario", "vecinos", NULL } },
  { "municipal", N_("Municipal"), { "municipal", "municipio", "municipalidad", "equipo municipal", "municipality", NULL } },
};

static const Value stage_statuses[] = {
  { "pending",     N_("Pending"),     { NULL } },
  { "in-progress", N_("In progress"), { NULL } },
  { "done",        N_("Done"),        { NULL } },
};

/* Channels and responses are typed on the command line and read from
 * spreadsheets, in Spanish or English: the aliases are folded (no case,
 * no accents, punctuation as a space, so "in-person" is "in person"). */
static const Value channels[] = {
  { "online",    N_("Online"),    { "online", "en linea", "web", "internet", "digital", "virtual", NULL } },
  { "in-person", N_("In person"), { "in person", "presencial", "en persona", "face to face", "cara a cara", NULL } },
  { "email",     N_("Email"),     { "email", "e mail", "mail", "correo", "correo electronico", NULL } },
};

static const Value responses[] = {
  { "pending",      N_("Pending"),         { "pending", "pendiente", "sin respuesta", "no response", NULL } },
  { "accepted",     N_("Accepted"),        { "accepted", "aceptado", "aceptada", "acogido", "acogida", NULL } },
  { "partly",       N_("Partly accepted"), { "partly", "partly accepted", "partial", "parcial", "parcialmente",
                                             "parcialmente aceptado", "parcialmente aceptada", NULL } },
  { "not-accepted", N_("Not accepted"),    { "not accepted", "rejected", "no aceptado", "no aceptada",
                                             "rechazado", "rechazada", "no acogido", NULL } },
};

/* Typed on the command line and in spreadsheets too. The labels have a
 * context of their own: Spanish agrees them with "hito" (masculine),
 * where the stages' "Done" agrees with "etapa". */
static const Value progress_values[] = {
  { "not-started", NC_("milestone status", "Not started"),
    { "not started", "no iniciado", "no iniciada", "sin iniciar", "sin comenzar", "pendiente",
      "pending", NULL } },
  { "in-progress", NC_("milestone status", "In progress"),
    { "in progress", "en curso", "en progreso", "en proceso", "iniciado", "started", "ongoing",
      NULL } },
  { "done",        NC_("milestone status", "Done"),
    { "done", "completed", "finished", "cumplido", "terminado", "completado", "realizado",
      NULL } },
};

static const Value axes[] = {
  { "transparency",   N_("Transparency"),              { "transparency", "transparencia", NULL } },
  { "accountability", N_("Accountability"),            { "accountability", "rendicion de cuentas", "rendicion", NULL } },
  { "participation",  N_("Participation"),             { "participation", "participacion", "participacion ciudadana", NULL } },
  { "technology",     N_("Technology and innovation"), { "technology", "technology and innovation", "tecnologia", "tecnologia e innovacion", "innovacion", NULL } },
};

static const Value inclusion[] = {
  { "women",      N_("Women"),                       { NULL } },
  { "youth",      N_("Youth"),                       { NULL } },
  { "migrants",   N_("Migrants"),                    { NULL } },
  { "indigenous", N_("Indigenous peoples"),          { NULL } },
  { "disability", N_("People with disabilities"),    { NULL } },
};

G_STATIC_ASSERT (G_N_ELEMENTS (activity_kinds) == COCREA_N_ACTIVITY_KINDS);
G_STATIC_ASSERT (G_N_ELEMENTS (origins) == COCREA_N_ORIGINS);
G_STATIC_ASSERT (G_N_ELEMENTS (stage_statuses) == COCREA_N_STAGE_STATUSES);
G_STATIC_ASSERT (G_N_ELEMENTS (channels) == COCREA_N_CHANNELS);
G_STATIC_ASSERT (G_N_ELEMENTS (responses) == COCREA_N_RESPONSES);
G_STATIC_ASSERT (G_N_ELEMENTS (progress_values) == COCREA_N_PROGRESS);
G_STATIC_ASSERT (G_N_ELEMENTS (axes) == COCREA_N_AXES);
G_STATIC_ASSERT (G_N_ELEMENTS (inclusion) == COCREA_N_INCLUSION);

/* Returns the index of @key in @values, or -1. */
static int
find_key (const Value *values, guint n, const char *key)
{
  if (key == NULL)
    return -1;
  for (guint i = 0; i < n; i++)
    if (g_str_equal (values[i].key, key))
      return i;
  return -1;
}

/* Returns the index of the value whose key or alias equals @folded, or -1. */
static int
find_alias (const Value *values, guint n, const char *folded)
{
  for (guint i = 0; i < n; i++)
    {
      if (g_str_equal (values[i].key, folded))
        return i;
      for (guint j = 0; values[i].aliases[j] != NULL; j++)
        if (g_str_equal (values[i].aliases[j], folded))
          return i;
    }
  return -1;
}

/* Returns the index of the value @text names, by its key or by any alias
 * once folded, or -1. The file stores the stable key: folding is skipped
 * for it, as listing and tallying read one value per row. */
static int
find_text (const Value *values, guint n, const char *text)
{
  g_autofree char *folded = NULL;
  int i = find_key (values, n, text);

  if (i >= 0 || text == NULL)
    return i;
  folded = cocrea_text_fold (text);
  return find_alias (values, n, folded);
}

const char *
cocrea_activity_kind_to_key (CocreaActivityKind kind)
{
  g_return_val_if_fail (kind < COCREA_N_ACTIVITY_KINDS, NULL);
  return activity_kinds[kind].key;
}

gboolean
cocrea_activity_kind_from_key (const char *key, CocreaActivityKind *kind)
{
  int i = find_key (activity_kinds, G_N_ELEMENTS (activity_kinds), key);
  if (i < 0)
    return FALSE;
  *kind = i;
  return TRUE;
}

const char *
cocrea_activity_kind_label (CocreaActivityKind kind)
{
  g_return_val_if_fail (kind < COCREA_N_ACTIVITY_KINDS, NULL);
  return _(activity_kinds[kind].label);
}

const char *
cocrea_origin_to_key (CocreaOrigin origin)
{
  g_return_val_if_fail (origin < COCREA_N_ORIGINS, NULL);
  return origins[origin].key;
}

/*
 * cocrea_origin_from_text:
 * Reads an origin the way a spreadsheet writes it: "Comunidad",
 * "municipal", "Municipio"… ignoring case and accents. Returns FALSE
 * for anything else.
 */
gboolean
cocrea_origin_from_text (const char *text, CocreaOrigin *origin)
{
  int i = find_text (origins, G_N_ELEMENTS (origins), text);

  if (i < 0)
    return FALSE;
  *origin = i;
  return TRUE;
}

const char *
cocrea_origin_label (CocreaOrigin origin)
{
  g_return_val_if_fail (origin < COCREA_N_ORIGINS, NULL);
  return _(origins[origin].label);
}

const char *
cocrea_stage_status_to_key (CocreaStageStatus status)
{
  g_return_val_if_fail (status < COCREA_N_STAGE_STATUSES, NULL);
  return stage_statuses[status].key;
}

gboolean
cocrea_stage_status_from_key (const char *key, CocreaStageStatus *status)
{
  int i = find_key (stage_statuses, G_N_ELEMENTS (stage_statuses), key);
  if (i < 0)
    return FALSE;
  *status = i;
  return TRUE;
}

const char *
cocrea_stage_status_label (CocreaStageStatus status)
{
  g_return_val_if_fail (status < COCREA_N_STAGE_STATUSES, NULL);
  return _(stage_statuses[status].label);
}

const char *
cocrea_channel_to_key (CocreaChannel channel)
{
  g_return_val_if_fail (channel < COCREA_N_CHANNELS, NULL);
  return channels[channel].key;
}

/*
 * cocrea_channel_from_text:
 * Reads a channel by its key ("in-person") or as people write it, in
 * Spanish or English, ignoring case and accents ("Presencial", "correo
 * electrónico", "En línea"). Returns FALSE for anything else.
 */
gboolean
cocrea_channel_from_text (const char *text, CocreaChannel *channel)
{
  int i = find_text (channels, G_N_ELEMENTS (channels), text);

  if (i < 0)
    return FALSE;
  *channel = i;
  return TRUE;
}

const char *
cocrea_channel_label (CocreaChannel channel)
{
  g_return_val_if_fail (channel < COCREA_N_CHANNELS, NULL);
  return _(channels[channel].label);
}

const char *
cocrea_response_to_key (CocreaResponse response)
{
  g_return_val_if_fail (response < COCREA_N_RESPONSES, NULL);
  return responses[response].key;
}

/*
 * cocrea_response_from_text:
 * Reads a response by its key ("not-accepted") or as people write it
 * ("No aceptado", "parcialmente", "Acogida"), ignoring case and accents.
 * Returns FALSE for anything else.
 */
gboolean
cocrea_response_from_text (const char *text, CocreaResponse *response)
{
  int i = find_text (responses, G_N_ELEMENTS (responses), text);

  if (i < 0)
    return FALSE;
  *response = i;
  return TRUE;
}

const char *
cocrea_response_label (CocreaResponse response)
{
  g_return_val_if_fail (response < COCREA_N_RESPONSES, NULL);
  return _(responses[response].label);
}

const char *
cocrea_progress_to_key (CocreaProgress progress)
{
  g_return_val_if_fail (progress < COCREA_N_PROGRESS, NULL);
  return progress_values[progress].key;
}

/*
 * cocrea_progress_from_text:
 * Reads a milestone's status by its key ("in-progress") or as people
 * write it ("En curso", "cumplido", "No iniciado"), ignoring case and
 * accents. Returns FALSE for anything else.
 */
gboolean
cocrea_progress_from_text (const char *text, CocreaProgress *progress)
{
  int i = find_text (progress_values, G_N_ELEMENTS (progress_values), text);

  if (i < 0)
    return FALSE;
  *progress = i;
  return TRUE;
}

const char *
cocrea_progress_label (CocreaProgress progress)
{
  g_return_val_if_fail (progress < COCREA_N_PROGRESS, NULL);
  return g_dpgettext2 (GETTEXT_PACKAGE, "milestone status", progress_values[progress].label);
}

const char *
cocrea_axis_key (guint index)
{
  g_return_val_if_fail (index < COCREA_N_AXES, NULL);
  return axes[index].key;
}

const char *
cocrea_axis_label (guint index)
{
  g_return_val_if_fail (index < COCREA_N_AXES, NULL);
  return _(axes[index].label);
}

/*
 * cocrea_axes_from_text:
 * Parses a list of OGP axes written in one spreadsheet cell, separated by
 * commas, semicolons, slashes, "|" or new lines, in Spanish or English,
 * ignoring case and accents ("Transparencia; Rendición de cuentas").
 * An empty cell is no axes. An unknown name fails with
 * COCREA_ERROR_INVALID naming it, and *axes is left unchanged.
 */
gboolean
cocrea_axes_from_text (const char *text, guint *out_axes, GError **error)
{
  g_autoptr (GString) part = NULL;
  guint result = 0;

  g_return_val_if_fail (out_axes != NULL, FALSE);

  /* Most imported rows leave the cell empty: no need to split it. */
  if (text == NULL || *text == '\0')
    {
      *out_axes = 0;
      return TRUE;
    }

  /* Split by hand rather than with a regex: imports call this per row. */
  part = g_string_new (NULL);
  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      g_autofree char *folded = NULL;
      int axis;

      if (c != 0 && c != ',' && c != ';' && c != '/' && c != '|' && c != '\n' && c != 0x2022)
        {
          g_string_append_unichar (part, c);
          continue;
        }

      folded = cocrea_text_fold (part->str);
      if (*folded != '\0')
        {
          axis = find_alias (axes, G_N_ELEMENTS (axes), folded);
          if (axis < 0)
            {
              g_autofree char *name = g_strstrip (g_strdup (part->str));
              g_set_error (error, COCREA_ERROR, COCREA_ERROR_INVALID,
                           _("“%s” is not an open government axis (transparency, "
                             "accountability, participation, technology and innovation)"),
                           name);
              return FALSE;
            }
          result |= 1u << axis;
        }
      g_string_truncate (part, 0);

      if (c == 0)
        break;
    }

  *out_axes = result;
  return TRUE;
}

static char *
join_axes (guint set, gboolean labels)
{
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint i = 0; i < COCREA_N_AXES; i++)
    {
      if ((set & (1u << i)) == 0)
        continue;
      if (out->len > 0)
        g_string_append (out, labels ? ", " : ";");
      g_string_append (out, labels ? _(axes[i].label) : axes[i].key);
    }

  return g_strdup (out->str);
}

/* Returns the axes as stable keys joined with ";" ("transparency;participation"). */
char *
cocrea_axes_to_keys (guint set)
{
  return join_axes (set, FALSE);
}

/* Returns the axes as translated labels joined with ", ". */
char *
cocrea_axes_to_labels (guint set)
{
  return join_axes (set, TRUE);
}

const char *
cocrea_inclusion_key (guint index)
{
  g_return_val_if_fail (index < COCREA_N_INCLUSION, NULL);
  return inclusion[index].key;
}

const char *
cocrea_inclusion_label (guint index)
{
  g_return_val_if_fail (index < COCREA_N_INCLUSION, NULL);
  return _(inclusion[index].label);
}

/* The untranslated label, for looking it up in a #CocreaCatalog. */
const char *
cocrea_inclusion_msgid (guint index)
{
  g_return_val_if_fail (index < COCREA_N_INCLUSION, NULL);
  return inclusion[index].label;
}
