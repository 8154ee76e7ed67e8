/* temporary: replaced by the implementation of "cocrea export" */
#include "cocrea-cli-private.h"
int cocrea_cli_export (int argc, char **argv) { return COCREA_CLI_EXIT_FAILURE; }
