/* cocrea-export-page.c — every export of a process, in one place
 *
 * Each export asks where to save, then runs cocrea_export() (the command
 * line's entry point too) in a worker thread on the thread's own
 * read-only opening of the file: an export reads in one transaction, and
 * a SQLite connection must not be shared with the window, which may keep
 * editing meanwhile. Progress comes back to the main loop with
 * g_main_context_invoke(); Cancel is the job's GCancellable. The core
 * writes to a temporary file and renames it at the end, so a failed
 * export leaves nothing behind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include <adwaita.h>

#include "cocrea-choice.h"
#include "cocrea-commitment.h"
#include "cocrea-export-page.h"

/* The group of the page an export's row goes in. */
typedef enum {
  GROUP_DOCUMENTS,   /* PDFs to print and publish */
  GROUP_DATA,        /* open data */
  GROUP_PUBLICATION, /* everything at once */
} ExportGroup;

/* How the page offers an export; the kinds it does not offer have none. */
typedef struct {
  const char *title;
  const char *subtitle;
  const char *file_name;   /* after the process title and a dash */
  const char *done;
  ExportGroup group;
} ExportInfo;

static const ExportInfo exports[COCREA_N_EXPORTS] = {
  [COCREA_EXPORT_PLAN_PDF] = {
    N_("Draft Plan (PDF)"),
    N_("Cover, contents, the process, prioritisation, viability, every commitment in the OGP template and the annex of contributions"),
    N_("Draft Plan"), N_("Draft plan exported"), GROUP_DOCUMENTS },
  [COCREA_EXPORT_REASONS_PDF] = {
    N_("Reasons Report (PDF)"),
    N_("Every proposal with its mentions, scores, decision and reason: the reasoned response"),
    N_("Reasons Report"), N_("Reasons report exported"), GROUP_DOCUMENTS },
  [COCREA_EXPORT_CONTRIBUTIONS_CSV] = {
    N_("Contributions (CSV)"),
    N_("Every contribution with its activity, group and proposal"),
    N_("Contributions"), N_("Contributions exported"), GROUP_DATA },
  [COCREA_EXPORT_PROCESS_JSON] = {
    N_("Whole Process (JSON)"),
    N_("Activities, groups, contributions, proposals, scores, decisions and commitments"),
    N_("Process"), N_("Process exported"), GROUP_DATA },
  [COCREA_EXPORT_COMMITMENTS_CSV] = {
    N_("Commitments (CSV)"),
    N_("The commitments and their milestones"),
    N_("Commitments"), N_("Commitments exported"), GROUP_DATA },
  [COCREA_EXPORT_DECIDIM_JSON] = {
    N_("Decidim Proposals (JSON)"),
    N_("The proposals as Decidim's proposal import reads them, to continue online"),
    N_("Decidim Proposals"), N_("Decidim proposals exported"), GROUP_DATA },
  [COCREA_EXPORT_DECIDIM_ANSWERS_CSV] = {
    N_("Decidim Answers (CSV)"),
    N_("The decision and reason on each proposal that came from Decidim, for its “Import answers”"),
    N_("Decidim Answers"), N_("Decidim answers exported"), GROUP_DATA },
  [COCREA_EXPORT_FINAL_PLAN_PDF] = {
    N_("Final Plan (PDF)"),
    N_("The plan after the consultation, what changed and the comment behind each change, and the decision on every proposal"),
    N_("Final Plan"), N_("Final plan exported"), GROUP_DOCUMENTS },
  [COCREA_EXPORT_COMMITMENT_REPORT_PDF] = {
    N_("Commitment Report (PDF)"),
    N_("The end-of-commitment report of the chosen commitment: its template, milestones with evidence, completion and the comments on it"),
    /* The commitment's number follows, "Commitment Report 2". */
    N_("Commitment Report"), N_("Commitment report exported"), GROUP_DOCUMENTS },
  [COCREA_EXPORT_PACK_ZIP] = {
    N_("Repository Pack (ZIP)"),
    N_("Every document and data file in one ZIP, with a manifest of their SHA-256, for the OGP repository"),
    N_("Repository Pack"), N_("Repository pack exported"), GROUP_PUBLICATION },
};

struct _CocreaExportPage
{
  CocreaPage parent_instance;

  GtkFileChooserNative *chooser;
  CocreaExportKind chooser_kind;
  gboolean busy;
  guint serial;                /* of the export under way, for its progress */
  GCancellable *cancellable;   /* of the export under way */
  guint pulse_id;

  /* The commitments of the plan, for the commitment report: CocreaChoice
   * whose id is the commitment's number in the plan. */
  GListStore *commitments;
  GtkDropDown *commitment_dropdown;
  GtkWidget *report_button;

  /* template children */
  AdwToastOverlay *toast_overlay;
  AdwPreferencesGroup *documents_group;
  AdwPreferencesGroup *data_group;
  AdwPreferencesGroup *publication_group;
  GtkBox *progress_box;
  GtkLabel *phase_label;
  GtkProgressBar *progress_bar;
  GtkButton *cancel_button;
};

G_DEFINE_FINAL_TYPE (CocreaExportPage, cocrea_export_page, COCREA_TYPE_PAGE)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What the worker thread needs; it never touches the page. */
typedef struct {
  CocreaExportKind kind;
  CocreaExportOptions options;
  char *source;
  char *path;
  GStrv warnings;
  CocreaExportPage *page;   /* a reference, only handed back to the main loop */
  guint serial;
  GCancellable *cancellable;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_free (job->source);
  g_free (job->path);
  g_strfreev (job->warnings);
  g_clear_object (&job->page);
  g_clear_object (&job->cancellable);
  g_free (job);
}

typedef struct {
  CocreaExportPage *page;
  guint serial;
  double fraction;
  char *phase;
} Progress;

static void
progress_free (gpointer data)
{
  Progress *progress = data;

  g_object_unref (progress->page);
  g_free (progress->phase);
  g_free (progress);
}

static gboolean
progress_main_cb (gpointer data)
{
  Progress *progress = data;
  CocreaExportPage *self = progress->page;

  if (self->busy && self->serial == progress->serial)
    {
      g_clear_handle_id (&self->pulse_id, g_source_remove);
      gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (progress->fraction, 0.0, 1.0));
      if (progress->phase != NULL)
        gtk_label_set_text (self->phase_label, progress->phase);
    }
  return G_SOURCE_REMOVE;
}

/* Called on the worker thread: hands the progress to the main loop. The
 * job's cancellable, not this, stops the export. */
static gboolean
progress_thread_cb (double fraction, const char *phase, gpointer user_data)
{
  ExportJob *job = user_data;
  Progress *progress = g_new0 (Progress, 1);

  progress->page = g_object_ref (job->page);
  progress->serial = job->serial;
  progress->fraction = fraction;
  progress->phase = g_strdup (phase);
  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, progress_main_cb, progress, progress_free);
  return TRUE;
}

static void
export_thread (GTask *task, gpointer source_object, gpointer task_data, GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr (CocreaDocument) document = NULL;
  g_autoptr (GError) error = NULL;
  gboolean ok = FALSE;

  document = cocrea_document_open (job->source, COCREA_OPEN_READ_ONLY, &error);
  if (document != NULL)
    ok = cocrea_export (document, job->kind, &job->options, job->path, job->cancellable,
                        progress_thread_cb, job, &job->warnings, &error);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
set_busy (CocreaExportPage *self, gboolean busy)
{
  self->busy = busy;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.start",
                                 !busy && cocrea_page_get_document (COCREA_PAGE (self)) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.cancel", busy);
  if (!busy)
    g_clear_object (&self->cancellable);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_box), busy);
  if (!busy)
    g_clear_handle_id (&self->pulse_id, g_source_remove);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
show_message (CocreaExportPage *self, const char *heading, const char *body)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  CocreaExportPage *self = COCREA_EXPORT_PAGE (source);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = NULL;
  g_autofree char *uri = NULL;
  AdwToast *toast;
  guint n_warnings;

  set_busy (self, FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          AdwToast *cancelled = adw_toast_new (_("Export cancelled: no file was written"));

          /* The answer to a click: before any toast still queued. */
          adw_toast_set_priority (cancelled, ADW_TOAST_PRIORITY_HIGH);
          adw_toast_overlay_add_toast (self->toast_overlay, cancelled);
        }
      else
        show_message (self, _("Could Not Export"), error->message);
      return;
    }

  file = g_file_new_for_path (job->path);
  uri = g_file_get_uri (file);
  n_warnings = job->warnings != NULL ? g_strv_length (job->warnings) : 0;
  if (n_warnings == 0)
    toast = adw_toast_new (_(exports[job->kind].done));
  else
    {
      g_autofree char *title =
        /* TRANSLATORS: a toast after an export, "Draft plan exported, 2 warnings" */
        g_strdup_printf (ngettext ("%s, %u warning", "%s, %u warnings", n_warnings),
                         _(exports[job->kind].done), n_warnings);
      g_autofree char *body = g_strjoinv ("\n", job->warnings);
      toast = adw_toast_new (title);
      show_message (self, _("Exported with Warnings"), body);
    }
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "export.open");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Until the first progress report, and for exports that make none. */
static gboolean
pulse_cb (gpointer data)
{
  CocreaExportPage *self = data;

  gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

/* The number in the plan of the commitment chosen for the commitment
 * report, or 0 when the plan has none. */
static int
chosen_commitment (CocreaExportPage *self)
{
  return (int) cocrea_choice_id_at (G_LIST_MODEL (self->commitments),
                                    gtk_drop_down_get_selected (self->commitment_dropdown), 0);
}

/*
 * cocrea_export_page_export_to:
 * Runs export @kind of the page's process into @path in a worker thread,
 * showing its progress, then a toast with "Open", or the error in a
 * dialog. The other exports wait meanwhile. What the save dialog calls.
 * The commitment report is of the commitment chosen in its row (the save
 * dialog is modal: the choice cannot change under it).
 */
void
cocrea_export_page_export_to (CocreaExportPage *self, CocreaExportKind kind, const char *path)
{
  CocreaDocument *document;
  g_autoptr (GTask) task = NULL;
  g_autoptr (GError) error = NULL;
  ExportJob *job;

  g_return_if_fail (COCREA_IS_EXPORT_PAGE (self));
  g_return_if_fail (kind < COCREA_N_EXPORTS);
  g_return_if_fail (path != NULL);

  document = cocrea_page_get_document (COCREA_PAGE (self));
  if (document == NULL || self->busy)
    return;

  /* The process file itself, another process, a read-only folder: said
   * at once, before the work starts (the export checks again). */
  if (!cocrea_export_check (document, path, &error))
    {
      show_message (self, _("Could Not Export"), error->message);
      return;
    }

  job = g_new0 (ExportJob, 1);
  job->kind = kind;
  job->options.commitment = chosen_commitment (self);
  job->source = g_strdup (cocrea_document_get_path (document));
  job->path = g_strdup (path);
  job->page = g_object_ref (self);
  job->serial = ++self->serial;
  self->cancellable = g_cancellable_new ();
  job->cancellable = g_object_ref (self->cancellable);

  set_busy (self, TRUE);
  /* Only the PDFs and the pack report progress, and with it take a Cancel; the other
   * exports take a second or two at national size. */
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button),
                          cocrea_export_kind_reports_progress (kind));
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  {
    /* TRANSLATORS: shown while an export runs, "Exporting Draft Plan (PDF)…" */
    g_autofree char *text = g_strdup_printf (_("Exporting %s…"), _(exports[kind].title));
    gtk_label_set_text (self->phase_label, text);
  }
  self->pulse_id = g_timeout_add (150, pulse_cb, self);

  task = g_task_new (self, NULL, export_done_cb, NULL);
  g_task_set_source_tag (task, cocrea_export_page_export_to);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

/* TRUE while an export runs. */
gboolean
cocrea_export_page_get_busy (CocreaExportPage *self)
{
  g_return_val_if_fail (COCREA_IS_EXPORT_PAGE (self), FALSE);
  return self->busy;
}

static void
chooser_response_cb (GtkNativeDialog *chooser, int response, CocreaExportPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        cocrea_export_page_export_to (self, self->chooser_kind, path);
    }
  g_clear_object (&self->chooser);
}

/* "Plan de Acción Renca — Draft Plan.pdf": the process title, without
 * characters that cannot be in a file name. */
static char *
suggested_name (CocreaExportPage *self, CocreaExportKind kind)
{
  CocreaDocument *document = cocrea_page_get_document (COCREA_PAGE (self));
  g_autoptr (CocreaProcessInfo) info = cocrea_document_get_process (document, NULL);
  g_autofree char *title = g_strdup (info != NULL && info->title != NULL && *info->title != '\0'
                                       ? info->title
                                       : _("Process"));

  g_strdelimit (title, "/\\:*?\"<>|", '-');
  if (kind == COCREA_EXPORT_COMMITMENT_REPORT_PDF)
    /* "… — Commitment Report 2.pdf": one report per commitment. */
    return g_strdup_printf ("%s — %s %d.%s", title, _(exports[kind].file_name),
                            chosen_commitment (self), cocrea_export_kind_get_extension (kind));
  return g_strdup_printf ("%s — %s.%s", title, _(exports[kind].file_name),
                          cocrea_export_kind_get_extension (kind));
}

static void
start_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CocreaExportPage *self = COCREA_EXPORT_PAGE (widget);
  CocreaExportKind kind = g_variant_get_int32 (param);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  g_autofree char *pattern = NULL;

  if (kind >= COCREA_N_EXPORTS || exports[kind].title == NULL ||
      cocrea_page_get_document (COCREA_PAGE (self)) == NULL || self->busy)
    return;
  if (kind == COCREA_EXPORT_COMMITMENT_REPORT_PDF && chosen_commitment (self) <= 0)
    {
      /* The row's button is off then; a shortcut or a stale click says why. */
      show_message (self, _("Could Not Export"),
                    _("The plan has no commitments yet: write one on the Plan page first."));
      return;
    }

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_(exports[kind].title),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                               _("_Cancel"));
  self->chooser_kind = kind;
  name = suggested_name (self, kind);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  pattern = g_strdup_printf ("*.%s", cocrea_export_kind_get_extension (kind));
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_filter_set_name (filter, _(exports[kind].title));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
open_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  g_autoptr (GError) error = NULL;
  GdkDisplay *display = gtk_widget_get_display (widget);
  g_autoptr (GdkAppLaunchContext) context = gdk_display_get_app_launch_context (display);

  if (!g_app_info_launch_default_for_uri (g_variant_get_string (param, NULL),
                                          G_APP_LAUNCH_CONTEXT (context), &error))
    show_message (COCREA_EXPORT_PAGE (widget), _("Could Not Open the File"), error->message);
}

/* Exports read the file as it is when they start; the page reads only
 * the commitments, which the commitment report offers. */
static void
cocrea_export_page_document_set (CocreaPage *page)
{
  CocreaExportPage *self = COCREA_EXPORT_PAGE (page);

  g_list_store_remove_all (self->commitments);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.start",
                                 !self->busy && cocrea_page_get_document (page) != NULL);
}

/* Offers each commitment of the plan ("2. Name") for the report, keeping
 * the number chosen while the plan has it. */
static void
cocrea_export_page_reload (CocreaPage *page)
{
  CocreaExportPage *self = COCREA_EXPORT_PAGE (page);
  CocreaDocument *document = cocrea_page_get_document (page);
  g_autoptr (GPtrArray) choices = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GListModel) list = NULL;
  g_autoptr (GError) error = NULL;
  int chosen = chosen_commitment (self);
  guint row;

  if (document != NULL && (list = cocrea_commitment_list (document, &error)) == NULL)
    cocrea_page_add_toast (page, error->message);
  for (guint i = 0; list != NULL && i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr (CocreaCommitment) c = g_list_model_get_item (list, i);
      int position = cocrea_commitment_get_position (c);
      g_autofree char *label = g_strdup_printf ("%d. %s", position,
                                                cocrea_commitment_get_name (c));

      g_ptr_array_add (choices, cocrea_choice_new (position, label));
    }
  g_list_store_splice (self->commitments, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->commitments)),
                       choices->pdata, choices->len);
  row = cocrea_choice_find (G_LIST_MODEL (self->commitments), chosen);
  gtk_drop_down_set_selected (self->commitment_dropdown, row != GTK_INVALID_LIST_POSITION ? row : 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->commitment_dropdown), choices->len > 0);
  gtk_widget_set_sensitive (self->report_button, choices->len > 0);
}

static void
cocrea_export_page_get_property (GObject *object, guint prop_id, GValue *value,
                                 GParamSpec *pspec)
{
  CocreaExportPage *self = COCREA_EXPORT_PAGE (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cocrea_export_page_dispose (GObject *object)
{
  CocreaExportPage *self = COCREA_EXPORT_PAGE (object);

  g_clear_handle_id (&self->pulse_id, g_source_remove);
  /* A window closed during an export stops it: nobody is left to tell
   * where the file went. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), COCREA_TYPE_EXPORT_PAGE);
  g_clear_object (&self->commitments);

  G_OBJECT_CLASS (cocrea_export_page_parent_class)->dispose (object);
}

/* Stops the export under way; the worker notices at its next progress
 * report, and the file it was writing is not kept. */
static void
cancel_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  CocreaExportPage *self = COCREA_EXPORT_PAGE (widget);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  gtk_label_set_text (self->phase_label, _("Cancelling…"));
}

static void
cocrea_export_page_class_init (CocreaExportPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CocreaPageClass *page_class = COCREA_PAGE_CLASS (klass);

  object_class->dispose = cocrea_export_page_dispose;
  object_class->get_property = cocrea_export_page_get_property;
  page_class->document_set = cocrea_export_page_document_set;
  page_class->reload = cocrea_export_page_reload;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/cocrea/Cocrea/cocrea-export-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CocreaExportPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CocreaExportPage, documents_group);
  gtk_widget_class_bind_template_child (widget_class, CocreaExportPage, data_group);
  gtk_widget_class_bind_template_child (widget_class, CocreaExportPage, publication_group);
  gtk_widget_class_bind_template_child (widget_class, CocreaExportPage, progress_box);
  gtk_widget_class_bind_template_child (widget_class, CocreaExportPage, phase_label);
  gtk_widget_class_bind_template_child (widget_class, CocreaExportPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, CocreaExportPage, cancel_button);

  gtk_widget_class_install_action (widget_class, "export.start", "i", start_action);
  gtk_widget_class_install_action (widget_class, "export.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "export.open", "s", open_action);
}

/* The commitment a report is of, in its row: the button shows the
 * number and the start of the name, the list the whole names. At least
 * 18 characters of it: with large text the row's description took all
 * but "1. Confor…" (issue 11). */
static void
setup_choice_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (ellipsize))
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 18);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
    }
  else
    gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
  gtk_label_set_wrap (GTK_LABEL (label), !GPOINTER_TO_INT (ellipsize));
  gtk_list_item_set_child (item, label);
}

static void
bind_choice_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer unused)
{
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      cocrea_choice_get_label (gtk_list_item_get_item (item)));
}

static GtkListItemFactory *
choice_factory_new (gboolean ellipsize)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_choice_cb), GINT_TO_POINTER (ellipsize));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_choice_cb), NULL);
  return factory;
}

/* The commitment report's row also chooses the commitment. */
static void
add_commitment_choice (CocreaExportPage *self, GtkWidget *row)
{
  g_autoptr (GtkListItemFactory) factory = choice_factory_new (TRUE);
  g_autoptr (GtkListItemFactory) list_factory = choice_factory_new (FALSE);
  GtkExpression *expression = gtk_property_expression_new (COCREA_TYPE_CHOICE, NULL, "label");

  self->commitments = g_list_store_new (COCREA_TYPE_CHOICE);
  self->commitment_dropdown =
    GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->commitments)),
                                      expression));
  gtk_drop_down_set_factory (self->commitment_dropdown, factory);
  gtk_drop_down_set_list_factory (self->commitment_dropdown, list_factory);
  gtk_widget_set_valign (GTK_WIDGET (self->commitment_dropdown), GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (GTK_WIDGET (self->commitment_dropdown), FALSE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->commitment_dropdown),
                               _("The commitment the report is about"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->commitment_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Commitment"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->commitment_dropdown));
}

static void
cocrea_export_page_init (CocreaExportPage *self)
{
  AdwPreferencesGroup *groups[3];

  gtk_widget_init_template (GTK_WIDGET (self));
  groups[GROUP_DOCUMENTS] = self->documents_group;
  groups[GROUP_DATA] = self->data_group;
  groups[GROUP_PUBLICATION] = self->publication_group;

  for (int kind = 0; kind < COCREA_N_EXPORTS; kind++)
    {
      GtkWidget *row, *button;
      g_autofree char *label = NULL;

      if (exports[kind].title == NULL)
        continue;
      row = adw_action_row_new ();
      button = gtk_button_new_with_mnemonic (_("_Export…"));
      label = g_strdup_printf (_("Export %s"), _(exports[kind].title));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(exports[kind].title));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(exports[kind].subtitle));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "export.start");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int32 (kind));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      label, -1);
      if (kind == COCREA_EXPORT_COMMITMENT_REPORT_PDF)
        {
          add_commitment_choice (self, row);
          self->report_button = button;
          gtk_widget_set_sensitive (button, FALSE);
        }
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      /* A row with a choice in it is not one big button. */
      if (kind != COCREA_EXPORT_COMMITMENT_REPORT_PDF)
        adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (groups[exports[kind].group], row);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.start", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.cancel", FALSE);
}
