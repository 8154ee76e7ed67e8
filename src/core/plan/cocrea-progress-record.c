/* cocrea-progress-record.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cocrea-progress-record.h"
#include "cocrea-progress-record-private.h"
#include "cocrea-text.h"

struct _CocreaProgressRecord {
  GObject parent_instance;

  gint64 id;
  gint64 milestone_id;
  char *recorded_on;
  CocreaProgress status;
  char *evidence;
};

G_DEFINE_FINAL_TYPE (CocreaProgressRecord, cocrea_progress_record, G_TYPE_OBJECT)

static void
cocrea_progress_record_finalize (GObject *object)
{
  CocreaProgressRecord *self = COCREA_PROGRESS_RECORD (object);

  g_free (self->recorded_on);
  g_free (self->evidence);

  G_OBJECT_CLASS (cocrea_progress_record_parent_class)->finalize (object);
}

static void
cocrea_progress_record_class_init (CocreaProgressRecordClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cocrea_progress_record_finalize;
}

static void
cocrea_progress_record_init (CocreaProgressRecord *self)
{
  (void) self;
}

/*
 * cocrea_progress_record_new_from_row:
 * Builds a record from the current row of a statement whose columns are
 * COCREA_PROGRESS_RECORD_QUERY's. A status a hand-edited file holds that
 * is not a known key reads as not started, so listing never fails on it.
 */
CocreaProgressRecord *
cocrea_progress_record_new_from_row (sqlite3_stmt *stmt)
{
  CocreaProgressRecord *self = g_object_new (COCREA_TYPE_PROGRESS_RECORD, NULL);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->milestone_id = sqlite3_column_int64 (stmt, 1);
  self->recorded_on = cocrea_text_dup_valid ((const char *) sqlite3_column_text (stmt, 2));
  if (!cocrea_progress_from_text ((const char *) sqlite3_column_text (stmt, 3), &self->status))
    self->status = COCREA_PROGRESS_NOT_STARTED;
  self->evidence = cocrea_text_dup_valid ((const char *) sqlite3_column_text (stmt, 4));
  if (self->evidence == NULL)
    self->evidence = g_strdup ("");
  return self;
}

gint64
cocrea_progress_record_get_id (CocreaProgressRecord *self)
{
  g_return_val_if_fail (COCREA_IS_PROGRESS_RECORD (self), 0);
  return self->id;
}

gint64
cocrea_progress_record_get_milestone_id (CocreaProgressRecord *self)
{
  g_return_val_if_fail (COCREA_IS_PROGRESS_RECORD (self), 0);
  return self->milestone_id;
}

/* The day it was recorded, "2020-06-30". */
const char *
cocrea_progress_record_get_recorded_on (CocreaProgressRecord *self)
{
  g_return_val_if_fail (COCREA_IS_PROGRESS_RECORD (self), NULL);
  return self->recorded_on;
}

CocreaProgress
cocrea_progress_record_get_status (CocreaProgressRecord *self)
{
  g_return_val_if_fail (COCREA_IS_PROGRESS_RECORD (self), COCREA_PROGRESS_NOT_STARTED);
  return self->status;
}

/* What shows it, "" when nothing was written. */
const char *
cocrea_progress_record_get_evidence (CocreaProgressRecord *self)
{
  g_return_val_if_fail (COCREA_IS_PROGRESS_RECORD (self), NULL);
  return self->evidence;
}
