/* cocrea-suggestion.h — one likely duplicate of a text being typed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  COCREA_SUGGESTION_PROPOSAL,
  COCREA_SUGGESTION_CONTRIBUTION,
} CocreaSuggestionKind;

#define COCREA_TYPE_SUGGESTION (cocrea_suggestion_get_type ())
G_DECLARE_FINAL_TYPE (CocreaSuggestion, cocrea_suggestion, COCREA, SUGGESTION, GObject)

CocreaSuggestion     *cocrea_suggestion_new             (CocreaSuggestionKind kind,
                                                         gint64               id,
                                                         const char          *text,
                                                         gint64               proposal_id,
                                                         double               score);
CocreaSuggestionKind  cocrea_suggestion_get_kind        (CocreaSuggestion *self);
const char           *cocrea_suggestion_get_kind_key    (CocreaSuggestion *self);
gint64                cocrea_suggestion_get_id          (CocreaSuggestion *self);
const char           *cocrea_suggestion_get_text        (CocreaSuggestion *self);
gint64                cocrea_suggestion_get_proposal_id (CocreaSuggestion *self);
double                cocrea_suggestion_get_score       (CocreaSuggestion *self);

G_END_DECLS
