# PyInstaller runtime hook (installer/cellsec.spec): give the programs the app starts (xdg-open and the PDF
# viewer it calls) the user's LD_LIBRARY_PATH back instead of the bundle's (see cellsec.paths).
import os

from cellsec.paths import restore_library_path

restore_library_path(os.environ)
