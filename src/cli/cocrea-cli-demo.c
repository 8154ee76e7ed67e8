/* temporary: replaced by the implementation of "cocrea demo" */
#include "cocrea-cli-private.h"
int cocrea_cli_demo (int argc, char **argv) { return COCREA_CLI_EXIT_FAILURE; }
