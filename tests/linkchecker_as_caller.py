"""Run linkchecker without its root-to-nobody privilege drop.

As root, linkchecker switches its effective user to `nobody` after reading its
configuration. In a checkout that `nobody` cannot read (a private temporary
directory, as CI uses), it then fails to load its own anchor plugin and checks
no anchors at all, without a word. Here it only reads our own site on loopback.
"""

import sys

from linkcheck.command import linkchecker as command

command.drop_privileges = lambda: None

if __name__ == "__main__":
    sys.exit(command.linkchecker())
