/* cocrea-types.h — the enumerations of the process data model
 *
 * Each value has a stable key, which is what the file, CSV and JSON carry,
 * and a label for people, which goes through gettext.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  COCREA_ACTIVITY_INTERVIEW,
  COCREA_ACTIVITY_SURVEY,
  COCREA_ACTIVITY_WORKSHOP,
  COCREA_ACTIVITY_COMPLEMENTARY,
  COCREA_ACTIVITY_SELF_ORGANISED,
  COCREA_ACTIVITY_ONLINE,
  COCREA_N_ACTIVITY_KINDS
} CocreaActivityKind;

typedef enum {
  COCREA_ORIGIN_COMMUNITY,
  COCREA_ORIGIN_MUNICIPAL,
  COCREA_N_ORIGINS
} CocreaOrigin;

typedef enum {
  COCREA_STAGE_PENDING,
  COCREA_STAGE_IN_PROGRESS,
  COCREA_STAGE_DONE,
  COCREA_N_STAGE_STATUSES
} CocreaStageStatus;

/* How a comment reached the public consultation. */
typedef enum {
  COCREA_CHANNEL_ONLINE,
  COCREA_CHANNEL_IN_PERSON,
  COCREA_CHANNEL_EMAIL,
  COCREA_N_CHANNELS
} CocreaChannel;

/* The answer to a consultation comment (the OGP reasoned response). */
typedef enum {
  COCREA_RESPONSE_PENDING,
  COCREA_RESPONSE_ACCEPTED,
  COCREA_RESPONSE_PARTLY,
  COCREA_RESPONSE_NOT_ACCEPTED,
  COCREA_N_RESPONSES
} CocreaResponse;

/* Where a milestone of the plan stands, as the regular forum follows it. */
typedef enum {
  COCREA_PROGRESS_NOT_STARTED,
  COCREA_PROGRESS_IN_PROGRESS,
  COCREA_PROGRESS_DONE,
  COCREA_N_PROGRESS
} CocreaProgress;

/* The four OGP axes, stored as a bit set. */
typedef enum {
  COCREA_AXIS_TRANSPARENCY   = 1 << 0,
  COCREA_AXIS_ACCOUNTABILITY = 1 << 1,
  COCREA_AXIS_PARTICIPATION  = 1 << 2,
  COCREA_AXIS_TECHNOLOGY     = 1 << 3,
} CocreaAxes;

#define COCREA_N_AXES 4
#define COCREA_AXES_ALL 0xF

/* The five groups the inclusion criteria name, stored as a bit set. */
typedef enum {
  COCREA_INCLUSION_WOMEN      = 1 << 0,
  COCREA_INCLUSION_YOUTH      = 1 << 1,
  COCREA_INCLUSION_MIGRANTS   = 1 << 2,
  COCREA_INCLUSION_INDIGENOUS = 1 << 3,
  COCREA_INCLUSION_DISABILITY = 1 << 4,
} CocreaInclusion;

#define COCREA_N_INCLUSION 5

/* The bounds of what people type as numbers, kept by every entry and
 * checked by `cocrea check` (a file another program wrote may hold
 * anything): an activity's attendance and each group's count in it, a
 * table group's size, a viability criterion's scale and weight. Beyond
 * them the sums and means the readers make are nonsense or overflow. */
#define COCREA_MAX_PEOPLE 1000000
#define COCREA_SCALE_LIMIT 1000
#define COCREA_MAX_CRITERION_WEIGHT 1000

const char *cocrea_activity_kind_to_key   (CocreaActivityKind kind);
gboolean    cocrea_activity_kind_from_key (const char         *key,
                                           CocreaActivityKind *kind);
const char *cocrea_activity_kind_label    (CocreaActivityKind kind);

const char *cocrea_origin_to_key          (CocreaOrigin origin);
gboolean    cocrea_origin_from_text       (const char   *text,
                                           CocreaOrigin *origin);
const char *cocrea_origin_label           (CocreaOrigin origin);

const char *cocrea_stage_status_to_key    (CocreaStageStatus status);
gboolean    cocrea_stage_status_from_key  (const char        *key,
                                           CocreaStageStatus *status);
const char *cocrea_stage_status_label     (CocreaStageStatus status);

const char *cocrea_channel_to_key         (CocreaChannel channel);
gboolean    cocrea_channel_from_text      (const char    *text,
                                           CocreaChannel *channel);
const char *cocrea_channel_label          (CocreaChannel channel);

const char *cocrea_response_to_key        (CocreaResponse response);
gboolean    cocrea_response_from_text     (const char     *text,
                                           CocreaResponse *response);
const char *cocrea_response_label         (CocreaResponse response);

const char *cocrea_progress_to_key         (CocreaProgress progress);
gboolean    cocrea_progress_from_text      (const char     *text,
                                            CocreaProgress *progress);
const char *cocrea_progress_label          (CocreaProgress progress);

const char *cocrea_axis_key               (guint index);
const char *cocrea_axis_label             (guint index);
gboolean    cocrea_axes_from_text         (const char  *text,
                                           guint       *axes,
                                           GError     **error);
char       *cocrea_axes_to_keys           (guint axes);
char       *cocrea_axes_to_labels         (guint axes);

const char *cocrea_inclusion_key          (guint index);
const char *cocrea_inclusion_label        (guint index);
const char *cocrea_inclusion_msgid        (guint index);

G_END_DECLS
