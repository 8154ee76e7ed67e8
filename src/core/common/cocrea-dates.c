/* cocrea-dates.c — the dates a plan is written in
 *
 * Plans give periods as a year, a month or a day ("2020", "2019-10",
 * "2019-03-26"), stored as text so that full days compare as text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "cocrea-dates.h"

static const char *const month_names[] = {
  N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
  N_("July"), N_("August"), N_("September"), N_("October"), N_("November"), N_("December"),
};

/*
 * cocrea_partial_date_is_valid:
 * TRUE for the dates a plan uses: a year ("2020"), a month ("2019-10") or
 * a day ("2019-03-26"), each a real calendar value.
 */
gboolean
cocrea_partial_date_is_valid (const char *date)
{
  int year = 0, month = 1, day = 1;
  size_t len;

  if (date == NULL)
    return FALSE;

  len = strlen (date);
  if (len == 4 && sscanf (date, "%4d", &year) == 1)
    return year >= 1900 && year <= 2200;
  if (len == 7 && sscanf (date, "%4d-%2d", &year, &month) == 2)
    return year >= 1900 && year <= 2200 && month >= 1 && month <= 12;
  if (len == 10 && sscanf (date, "%4d-%2d-%2d", &year, &month, &day) == 3)
    return year >= 1900 && year <= 2200 && g_date_valid_dmy (day, month, year);

  return FALSE;
}

/* TRUE for a full day ("2019-03-26"), a real calendar one; FALSE for a
 * month or a year alone, and for anything else. */
gboolean
cocrea_date_is_day (const char *date)
{
  return date != NULL && strlen (date) == 10 && cocrea_partial_date_is_valid (date);
}

/* Today in the local time zone, "2020-06-30": full days written so
 * compare as text, which is how records are checked against today. */
char *
cocrea_today (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/*
 * cocrea_format_partial_date:
 * Formats a partial date for people, in their language: "2020",
 * "October 2019", "26 March 2019". Returns "" for NULL and a copy of
 * anything it does not understand.
 */
char *
cocrea_format_partial_date (const char *date)
{
  int year = 0, month = 0, day = 0;

  if (date == NULL)
    return g_strdup ("");
  if (!cocrea_partial_date_is_valid (date))
    return g_strdup (date);

  sscanf (date, "%4d-%2d-%2d", &year, &month, &day);

  if (month == 0)
    return g_strdup_printf ("%d", year);
  if (day == 0)
    /* TRANSLATORS: a month and a year, "October 2019" */
    return g_strdup_printf (C_("month year", "%s %d"), _(month_names[month - 1]), year);
  /* TRANSLATORS: a day, month and year, "26 March 2019" */
  return g_strdup_printf (C_("day month year", "%d %s %d"), day, _(month_names[month - 1]), year);
}
