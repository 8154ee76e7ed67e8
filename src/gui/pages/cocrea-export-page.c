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

#include "cocrea-export-page.h"

/* How the page offers an export; the kinds it does not offer have none. */
typedef struct {
  const char *title;
  const char *subtitle;
  const char *file_name;   /* after the process title and a dash */
  const char *done;
  gboolean document;       /* a PDF, else open data */
} ExportInfo;

static const ExportInfo exports[COCREA_N_EXPORTS] = {
  [COCREA_EXPORT_PLAN_PDF] = {
    N_("Draft Plan (PDF)"),
    N_("Cover, contents, the process, prioritisation, viability, every commitment in the OGP template and the annex of contributions"),
    N_("Draft Plan"), N_("Draft plan exported"), TRUE },
  [COCREA_EXPORT_REASONS_PDF] = {
    N_("Reasons Report (PDF)"),
    N_("Every proposal with its mentions, scores, decision and reason: the reasoned response"),
    N_("Reasons Report"), N_("Reasons report exported"), TRUE },
  [COCREA_EXPORT_CONTRIBUTIONS_CSV] = {
    N_("Contributions (CSV)"),
    N_("Every contribution with its activity, group and proposal"),
    N_("Contributions"), N_("Contributions exported"), FALSE },
  [COCREA_EXPORT_PROCESS_JSON] = {
    N_("Whole Process (JSON)"),
    N_("Activities, groups, contributions, proposals, scores, decisions and commitments"),
    N_("Process"), N_("Process exported"), FALSE },
  [COCREA_EXPORT_COMMITMENTS_CSV] = {
    N_("Commitments (CSV)"),
    N_("The commitments and their milestones"),
    N_("Commitments"), N_("Commitments exported"), FALSE },
  [COCREA_EXPORT_DECIDIM_JSON] = {
    N_("Decidim Proposals (JSON)"),
    N_("The proposals as Decidim's proposal import reads them, to continue online"),
    N_("Decidim Proposals"), N_("Decidim proposals exported"), FALSE },
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

  /* template children */
  AdwToastOverlay *toast_overlay;
  AdwPreferencesGroup *documents_group;
  AdwPreferencesGroup *data_group;
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
    ok = cocrea_export (document, job->kind, NULL, job->path, job->cancellable,
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

/*
 * cocrea_export_page_export_to:
 * Runs export @kind of the page's process into @path in a worker thread,
 * showing its progress, then a toast with "Open", or the error in a
 * dialog. The other exports wait meanwhile. What the save dialog calls.
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
  job->source = g_strdup (cocrea_document_get_path (document));
  job->path = g_strdup (path);
  job->page = g_object_ref (self);
  job->serial = ++self->serial;
  self->cancellable = g_cancellable_new ();
  job->cancellable = g_object_ref (self->cancellable);

  set_busy (self, TRUE);
  /* Only the PDFs report progress, and with it take a Cancel; the other
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

/* Exports read the file as it is when they start: nothing to reload. */
static void
cocrea_export_page_document_set (CocreaPage *page)
{
  CocreaExportPage *self = COCREA_EXPORT_PAGE (page);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.start",
                                 !self->busy && cocrea_page_get_document (page) != NULL);
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

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/cocrea/Cocrea/cocrea-export-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CocreaExportPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CocreaExportPage, documents_group);
  gtk_widget_class_bind_template_child (widget_class, CocreaExportPage, data_group);
  gtk_widget_class_bind_template_child (widget_class, CocreaExportPage, progress_box);
  gtk_widget_class_bind_template_child (widget_class, CocreaExportPage, phase_label);
  gtk_widget_class_bind_template_child (widget_class, CocreaExportPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, CocreaExportPage, cancel_button);

  gtk_widget_class_install_action (widget_class, "export.start", "i", start_action);
  gtk_widget_class_install_action (widget_class, "export.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "export.open", "s", open_action);
}

static void
cocrea_export_page_init (CocreaExportPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

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
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (exports[kind].document ? self->documents_group : self->data_group,
                                 row);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.start", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.cancel", FALSE);
}
