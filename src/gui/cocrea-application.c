/* temporary skeleton, replaced by the GUI work */
#include "cocrea-application.h"

struct _CocreaApplication { AdwApplication parent_instance; };
G_DEFINE_FINAL_TYPE (CocreaApplication, cocrea_application, ADW_TYPE_APPLICATION)
static void cocrea_application_class_init (CocreaApplicationClass *klass) {}
static void cocrea_application_init (CocreaApplication *self) {}
CocreaApplication *
cocrea_application_new (void)
{
  return g_object_new (COCREA_TYPE_APPLICATION, "application-id", COCREA_APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN, NULL);
}
