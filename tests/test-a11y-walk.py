#!/usr/bin/python3
# test-a11y-walk.py — what a screen reader finds on every page of the demo
#
# Opens the Renca demo, shows each page of the sidebar in turn and walks
# its accessibility tree (rows and cells included), as Orca would. Fails on
# any control a person operates (buttons, entries, lists, rows, cells…)
# that has no name, a name that is a GTK class ("GtkColumnViewCell"), a
# name said twice ("New process New Process…"), on buttons in several rows
# of one list that share a name (they must say which row they act on), on
# an icon read out as "GtkImage", and on charts without a text alternative.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from atspi_harness import CLASS_NAME, Atspi, App, find, skip_without_display  # noqa: E402

INTERACTIVE = {'push button', 'toggle button', 'check box', 'radio button', 'combo box',
               'entry', 'password text', 'spin button', 'slider', 'menu item', 'link',
               'list item', 'table cell', 'table row', 'page tab', 'switch', 'text',
               'list', 'tree table', 'table', 'check menu item', 'radio menu item',
               'toggle button'}
ROW_ROLES = {'list item', 'table row', 'table cell'}
BUTTON_ROLES = {'push button', 'toggle button', 'check box', 'menu item'}


def is_interactive(o, role):
    if role in ('table', 'list') and o.get_child_count() == 0:
        return False
    return role in INTERACTIVE or o.get_state_set().contains(Atspi.StateType.FOCUSABLE)


def labelled_by(o):
    """The name @o gets from the widgets it is labelled by, or None."""
    for rel in o.get_relation_set():
        if rel.get_relation_type() == Atspi.RelationType.LABELLED_BY:
            names = [rel.get_target(i).get_name() for i in range(rel.get_n_targets())]
            return ' '.join(n for n in names if n and not CLASS_NAME.match(n))
    return None


class Walk:
    def __init__(self):
        self.problems = []
        self.checked = 0
        self.charts = []

    def check(self, o, path, row=None, row_buttons=None):
        try:
            role = o.get_role_name()
            name = o.get_name() or ''
        except Exception:
            return
        here = f'{path}/{role}'
        if is_interactive(o, role):
            self.checked += 1
            labelled = labelled_by(o)
            if name.strip() == '':
                self.problems.append(f'no name: {here}')
            elif CLASS_NAME.match(name):
                self.problems.append(f'class name “{name}”: {here}')
            elif labelled and name != labelled and name.endswith(' ' + labelled):
                self.problems.append(f'name said twice “{name}”: {here}')
        elif role == 'image':
            if CLASS_NAME.match(name):
                self.problems.append(f'icon read as “{name}”: {here}')
            elif name and (o.get_description() or '').startswith(name + '.'):
                self.charts.append(name)
        if role in ROW_ROLES and row is None:
            row = o
        if role in BUTTON_ROLES and row is not None and row_buttons is not None and name:
            row_buttons.setdefault(name, set()).add(row.get_index_in_parent())
        container = role in ('list', 'tree table', 'table')
        buttons = {} if container else row_buttons
        label = f'[“{name[:30]}”]' if name and not CLASS_NAME.match(name) else ''
        for i in range(o.get_child_count()):
            c = o.get_child_at_index(i)
            if c is not None:
                self.check(c, here + label, None if container else row, buttons)
        if container:
            for bname, rows in buttons.items():
                if len(rows) > 1:
                    self.problems.append(f'{len(rows)} rows have a button named “{bname}”: {here}')


def main():
    skip_without_display()
    app = App('a11y-walk')
    frame = app.frames()[0]
    sidebar = app.wait(lambda: find(frame, lambda o: o.get_role_name() == 'list' and
                                    o.get_name() == 'Pages of the process'), 'the sidebar')
    total = 0
    checked = 0
    charts = []
    walk = Walk()
    walk.check(sidebar, 'sidebar')
    print(f'sidebar: {len(walk.problems)} of {walk.checked}')
    for p in walk.problems:
        print('  ' + p)
    total += len(walk.problems)
    checked += walk.checked
    pages = sidebar.get_child_count()
    if pages != 10:
        app.fail(f'{pages} pages in the sidebar, expected 10')
    stack = None  # the panel holding the pages, found with the first one
    for i in range(pages):
        item = sidebar.get_child_at_index(i)
        # The page's title, as the row shows it (the row may lack a name).
        title = find(item, lambda o: o.get_role_name() == 'label').get_name()
        sidebar.select_child(i)
        if stack is None:
            page = app.wait(lambda: find(frame, lambda o: o.get_role_name() == 'panel' and
                                         o.get_name() == title and o.get_child_count() > 0 and
                                         o.get_parent().get_role_name() == 'panel'),
                            'page ' + title)
            stack = page.get_parent()
        else:
            page = app.wait(lambda: next(c for c in (stack.get_child_at_index(k) for k in
                                                     range(stack.get_child_count()))
                                         if c.get_name() == title), 'page ' + title)
        time.sleep(0.6)  # rows are named in an idle once shown
        app.screenshot(f'a11y-walk-{i:02d}.png')
        walk = Walk()
        walk.check(page, title)
        print(f'{title}: {len(walk.problems)} of {walk.checked}')
        for p in walk.problems:
            print('  ' + p)
        total += len(walk.problems)
        checked += walk.checked
        charts += walk.charts
    print(f'charts with a text alternative: {", ".join(charts)}')

    # The projector view (F5): its own window, walked the same way; Esc
    # leaves full screen and a second Esc closes it.
    n_frames = len(app.frames())
    app.keys('F5')

    def projector():
        """The projector's window and its list of proposals, or None."""
        for f in app.frames():
            found = find(f, lambda o: o.get_role_name() == 'list' and
                         o.get_name() == 'Proposals, most mentioned first')
            if found is not None:
                return f, found
        return None

    view, tally = app.wait(projector, 'the projector view')
    time.sleep(0.6)
    app.screenshot('a11y-walk-projector.png')
    walk = Walk()
    walk.check(view, 'projector')
    rows = [tally.get_child_at_index(i) for i in range(tally.get_child_count())]
    if not any(r is not None and r.get_role_name() == 'list item' and
               (r.get_name() or '').startswith('1. ') for r in rows):
        walk.problems.append('projector: the first row does not say its place, title and counts')
    print(f'projector: {len(walk.problems)} of {walk.checked}')
    for p in walk.problems:
        print('  ' + p)
    total += len(walk.problems)
    checked += walk.checked
    windows = subprocess.run(['xdotool', 'search', '--onlyvisible', '--pid', str(app.proc.pid)],
                             capture_output=True, text=True).stdout.split()
    subprocess.run(['xdotool', 'windowfocus', '--sync', windows[-1]], capture_output=True)
    app.keys('Escape', 'Escape', delay=0.4)
    app.wait(lambda: len(app.frames()) == n_frames, 'the projector view to close')
    app.close()
    app.remove()
    if checked < 300:
        print(f'only {checked} controls walked: the walk missed the pages', file=sys.stderr)
        return 1
    if len(charts) < 3:
        print('the three charts (attendance, mentions, viability) must carry a description',
              file=sys.stderr)
        return 1
    print(f'{total} problems in {checked} controls')
    return 1 if total else 0


if __name__ == '__main__':
    sys.exit(main())
