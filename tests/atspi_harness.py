# atspi_harness.py — drive Cocrea from outside, as a screen reader and a
# keyboard do: the accessibility tree through AT-SPI, keys through XTEST
# (xdotool). What the GUI tests in Python share.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

import gi

gi.require_version('Atspi', '2.0')
from gi.repository import Atspi  # noqa: E402

# The sidebar's pages, in order.
PAGES = ['Overview', 'Activities & groups', 'Capture', 'Merge & tally', 'Prioritise',
         'Viability', 'Selection', 'Plan', 'Consultation', 'Export']

# A name GTK 4.8 falls back to when a widget has none of its own.
CLASS_NAME = re.compile(r'^(Gtk|Adw|Cocrea)[A-Z][A-Za-z]+$')


def skip_without_display():
    """Exits 77 (skipped: the runner counts it as a failure) without a display or tools."""
    if not os.environ.get('DISPLAY'):
        print('No display: skipping', file=sys.stderr)
        sys.exit(77)
    if shutil.which('xdotool') is None:
        print('xdotool is missing: skipping', file=sys.stderr)
        sys.exit(77)


class App:
    """Cocrea running on @path (a fresh Renca demo unless @new), in its own temp dir."""

    def __init__(self, name, demo=True, extra_env=None, start_from=None):
        """@start_from: a process file to open (a copy of it), instead of the demo."""
        self.dir = tempfile.mkdtemp(prefix=name + '-')
        self.bin = os.environ.get('COCREA_BIN', 'cocrea')
        self.path = os.path.join(self.dir, 'renca.cocrea')
        env = dict(os.environ)
        env['XDG_DATA_HOME'] = os.path.join(self.dir, 'data')
        env['XDG_CONFIG_HOME'] = os.path.join(self.dir, 'config')
        env.setdefault('GSETTINGS_BACKEND', 'memory')
        env.pop('GTK_A11Y', None)
        if extra_env:
            env.update(extra_env)
        self.env = env
        args = [self.bin]
        if start_from:
            shutil.copyfile(start_from, self.path)
            args.append(self.path)
        elif demo:
            subprocess.run([self.bin, 'demo', self.path], check=True, env=env,
                           stdout=subprocess.DEVNULL)
            args.append(self.path)
        self.log = open(os.path.join(self.dir, 'app.log'), 'w')
        self.args = args
        self.launch()
        self.root = self.find_app()
        self.window_id = self.find_window()

    def launch(self, tries=3):
        """Starts the application once the display answers. Right after
        another suite's own Xvfb went away, the display has been seen to
        refuse a client for a moment ("cannot open display" with its socket
        present): wait for it, and start again if that is why it exited."""
        for attempt in range(tries):
            end = time.time() + 10
            while time.time() < end and subprocess.run(
                    ['xdotool', 'getdisplaygeometry'], capture_output=True).returncode != 0:
                time.sleep(0.2)
            self.proc = subprocess.Popen(self.args, env=self.env, stdout=self.log,
                                         stderr=subprocess.STDOUT)
            try:
                self.proc.wait(1.5)
            except subprocess.TimeoutExpired:
                return
            self.log.flush()
            with open(self.log.name) as log:
                if 'cannot open display' not in log.read() or attempt == tries - 1:
                    return
            time.sleep(1)

    def find_app(self, timeout=30):
        end = time.time() + timeout
        while time.time() < end:
            if self.proc.poll() is not None:
                display = os.environ.get('DISPLAY', '')
                socket = '/tmp/.X11-unix/X' + display.lstrip(':').split('.')[0]
                self.fail(f'the application exited ({self.proc.returncode}); DISPLAY={display} '
                          f'XAUTHORITY={os.environ.get("XAUTHORITY")} socket exists: '
                          f'{os.path.exists(socket)}')
            desktop = Atspi.get_desktop(0)
            for i in range(desktop.get_child_count()):
                a = desktop.get_child_at_index(i)
                try:
                    if a is not None and a.get_process_id() == self.proc.pid and a.get_child_count() > 0:
                        return a
                except Exception:
                    pass
            time.sleep(0.2)
        self.fail('the application never showed on the accessibility bus')

    def find_window(self, timeout=15):
        end = time.time() + timeout
        while time.time() < end:
            out = subprocess.run(['xdotool', 'search', '--onlyvisible', '--pid', str(self.proc.pid)],
                                 capture_output=True, text=True).stdout.split()
            if out:
                subprocess.run(['xdotool', 'windowfocus', '--sync', out[-1]], capture_output=True)
                return out[-1]
            time.sleep(0.2)
        self.fail('no window')

    def refocus(self):
        """Gives the keyboard back to the main window after a popup or dialog
        closed, as a window manager does (Xvfb runs none, and X leaves the
        keyboard with the window under the pointer, or with none)."""
        subprocess.run(['xdotool', 'windowfocus', '--sync', self.window_id], capture_output=True)
        time.sleep(0.1)

    def refocus_dialog(self):
        """Gives the keyboard back to the newest window of the application
        (a dialog) after a popup in it closed."""
        out = subprocess.run(['xdotool', 'search', '--onlyvisible', '--pid', str(self.proc.pid)],
                             capture_output=True, text=True).stdout.split()
        if out:
            subprocess.run(['xdotool', 'windowfocus', '--sync', out[-1]], capture_output=True)
            time.sleep(0.1)

    def fail(self, message):
        print('FAIL: ' + message, file=sys.stderr)
        self.close()
        try:
            with open(os.path.join(self.dir, 'app.log')) as log:
                sys.stderr.write(log.read())
        except OSError:
            pass
        sys.exit(1)

    def close(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        self.log.close()

    def remove(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    # ---- keys ----

    def keys(self, *names, delay=0.15):
        """Presses each key (xdotool names: Tab, shift+Tab, ctrl+z, Return…) in the focused window."""
        for name in names:
            subprocess.run(['xdotool', 'key', '--clearmodifiers', name], check=True)
            time.sleep(delay)

    def type(self, text):
        subprocess.run(['xdotool', 'type', '--delay', '20', text], check=True)
        time.sleep(0.2)

    # ---- the tree ----

    def frames(self, timeout=10):
        """The application's windows. Right after a dialog closes, and in the
        slow sanitized build, the bus may briefly list none (a GetItems
        error on the cache): ask again for a while before giving up."""
        end = time.time() + timeout
        while True:
            try:
                frames = [self.root.get_child_at_index(i) for i in range(self.root.get_child_count())]
            except Exception:
                frames = []
            frames = [f for f in frames if f is not None]
            if frames or time.time() >= end:
                return frames
            time.sleep(0.2)

    def focused(self):
        for frame in self.frames():
            found = find(frame, lambda o: o.get_state_set().contains(Atspi.StateType.FOCUSED))
            if found is not None:
                return found
        return None

    def wait(self, condition, what, timeout=8):
        end = time.time() + timeout
        while time.time() < end:
            try:
                value = condition()
                if value:
                    return value
            except Exception:
                pass
            time.sleep(0.1)
        self.fail('timed out waiting for ' + what)

    def wait_focus(self, role=None, name=None, timeout=8):
        """Waits until the focus is on an object of @role whose name contains @name."""
        def ok():
            f = self.focused()
            return f if f is not None and (role is None or f.get_role_name() == role) and \
                (name is None or name in (f.get_name() or '')) else None
        end = time.time() + timeout
        while time.time() < end:
            f = ok()
            if f:
                return f
            time.sleep(0.1)
        f = self.focused()
        self.fail(f'focus should be on {role} “{name}”, is on '
                  f'{f.get_role_name() if f else None} “{f.get_name() if f else ""}”')

    def tab_to(self, role=None, name=None, key='Tab', limit=40):
        """Presses @key until the focus is on @role “@name”; returns it."""
        for _ in range(limit):
            f = self.focused()
            if f is not None and (role is None or f.get_role_name() == role) and \
                    (name is None or name in (f.get_name() or '')):
                return f
            self.keys(key)
        f = self.focused()
        self.fail(f'{key} never reached {role} “{name}” (focus on '
                  f'{f.get_role_name() if f else None} “{f.get_name() if f else ""}”)')

    def show_page(self, name):
        """Shows a page with keys only: Tab to the sidebar, arrows, Enter."""
        item = None
        for _ in range(40):
            item = self.focused()
            if item is not None and item.get_role_name() == 'list item' and item.get_name() in PAGES:
                break
            self.keys('Tab')
        else:
            self.fail('Tab never reached the sidebar')
        here, there = PAGES.index(item.get_name()), PAGES.index(name)
        for _ in range(abs(there - here)):
            self.keys('Down' if there > here else 'Up')
        self.wait_focus('list item', name)
        self.keys('Return')
        time.sleep(0.3)

    def screenshot(self, name):
        folder = os.environ.get('COCREA_SCREENSHOT_DIR')
        if folder:
            time.sleep(0.3)
            subprocess.run(['/usr/bin/import', '-window', 'root', os.path.join(folder, name)])


def find(o, pred, depth=0):
    """The first object under @o (and @o) for which @pred holds, depth first."""
    try:
        if pred(o):
            return o
        n = o.get_child_count()
    except Exception:
        return None
    if depth > 60:
        return None
    for i in range(n):
        c = o.get_child_at_index(i)
        if c is not None:
            r = find(c, pred, depth + 1)
            if r is not None:
                return r
    return None


def find_all(o, pred, depth=0, out=None):
    out = [] if out is None else out
    try:
        if pred(o):
            out.append(o)
        n = o.get_child_count()
    except Exception:
        return out
    for i in range(n):
        c = o.get_child_at_index(i)
        if c is not None and depth < 60:
            find_all(c, pred, depth + 1, out)
    return out


def showing(o):
    return o.get_state_set().contains(Atspi.StateType.SHOWING)


def text_of(o):
    """The text of an entry or text view, or None."""
    try:
        return Atspi.Text.get_text(o, 0, Atspi.Text.get_character_count(o))
    except Exception:
        return None
