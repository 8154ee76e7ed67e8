/* temporary: replaced by the implementation of "cocrea import" */
#include "cocrea-cli-private.h"
int cocrea_cli_import (int argc, char **argv) { return COCREA_CLI_EXIT_FAILURE; }
