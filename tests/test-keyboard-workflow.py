#!/usr/bin/python3
# test-keyboard-workflow.py — a whole process made with the keyboard alone
#
# Issue 11: a facilitator who cannot use a mouse must be able to run the
# workflow from a new process to the exported plan. This test starts
# Cocrea with no file and presses keys only (XTEST, through xdotool):
# no clicks, no calls into widgets. It reads the screen as a screen
# reader does (AT-SPI) to know where the focus is, and checks each stage's
# result in the saved file. Each stage is a step of its own in the output
# ("ok - create", …), so a failure says how far the keyboard reaches.
# Stages so far: create, activities and groups, capture, merge (and undo
# from the header bar), shortlist, score, select five with reasons, a
# commitment with its problem, the draft plan exported as PDF (read back
# with pdftotext).
#
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import sqlite3
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from atspi_harness import App, find, skip_without_display, text_of  # noqa: E402


class Workflow:
    def __init__(self, start_from=None):
        self.app = App('keyboard-workflow', demo=False, start_from=start_from)
        if start_from is None:
            self.app.path = os.path.join(self.app.dir, 'taller.cocrea')

    def keep(self, stage):
        """With COCREA_WORKFLOW_KEEP set to a folder, leaves the file as it is
        after @stage there (STAGE.cocrea), to start a later stage from it."""
        folder = os.environ.get('COCREA_WORKFLOW_KEEP')
        if folder:
            with sqlite3.connect(f'file:{self.app.path}?mode=ro', uri=True) as src, \
                    sqlite3.connect(os.path.join(folder, stage + '.cocrea')) as dst:
                src.backup(dst)

    # ---- reading the file ----

    def query(self, sql, *args):
        with sqlite3.connect(f'file:{self.app.path}?mode=ro', uri=True) as db:
            return db.execute(sql, args).fetchall()

    def count(self, sql, *args):
        return self.query(sql, *args)[0][0]

    def check(self, ok, what):
        if not ok:
            self.app.fail(what)
        print('ok - ' + what, flush=True)

    # ---- keys ----

    def field(self, name, text, key='Tab', limit=30):
        """Tabs to the text field named @name and types @text into it.

        GTK 4.8 reports no focus for an AdwEntryRow (its inner text is not
        on the bus), so where AT-SPI sees no focus the test types a probe
        letter and looks which field got it."""
        frame = self.app.frames()[-1]
        for _ in range(limit):
            f = self.app.focused()
            if f is not None and f.get_role_name() in ('text', 'entry') and name in (f.get_name() or ''):
                break
            if f is None:
                target = find(frame, lambda o: o.get_role_name() in ('text', 'entry') and
                              (o.get_name() or '') == name)
                before = text_of(target) if target is not None else None
                self.app.keys('q')
                after = text_of(target) if target is not None else None
                self.app.keys('BackSpace')
                if target is not None and after == (before or '') + 'q':
                    break
            self.app.keys(key)
        else:
            self.app.fail(f'{key} never reached the field “{name}”')
        self.app.keys('ctrl+a')
        self.app.type(text)

    def wait_frames(self, n, what):
        self.app.wait(lambda: len(self.app.frames()) == n, what)

    def save_in_chooser(self, path):
        """In a save dialog, types the full path as the name and saves."""
        app = self.app
        app.wait(lambda: len(app.frames()) >= 2 and
                 find(app.frames()[-1], lambda o: o.get_role_name() == 'text' and
                      (o.get_name() or '').startswith('Name')) is not None, 'the file chooser')
        app.wait_focus('text', 'Name')
        app.keys('ctrl+a')
        app.type(path)
        app.keys('Return')

    # ---- the stages ----

    def create(self):
        app = self.app
        app.keys('ctrl+n')
        self.wait_frames(2, 'the New Process dialog')
        self.field('Plan title', 'Plan de prueba')
        self.field('Municipality', 'Renca')
        self.field('Period', '2025-2027')
        app.tab_to('push button', 'Create')
        app.keys('Return')
        self.save_in_chooser(app.path)
        app.wait(lambda: os.path.exists(app.path), 'the new file')
        app.wait(lambda: find(app.frames()[0], lambda o: o.get_role_name() == 'list item' and
                              o.get_name() == 'Overview') is not None, 'the process window')
        self.check(self.query('SELECT title, municipality, period_start, period_end FROM process') ==
                   [('Plan de prueba', 'Renca', 2025, 2027)],
                   'create: New Process, its three fields and the file chooser by keys')

    def press_button(self, name, limit=40):
        """Tabs to the button whose name starts with @name and presses it."""
        app = self.app
        for _ in range(limit):
            f = app.focused()
            if f is not None and f.get_role_name() in ('push button', 'toggle button') and \
                    (f.get_name() or '').startswith(name):
                break
            app.keys('Tab')
        else:
            f = app.focused()
            app.fail(f'Tab never reached the button “{name}” (focus on '
                     f'{f.get_role_name() if f else None} “{f.get_name() if f else ""}”)')
        app.keys('Return')

    def activities(self):
        app = self.app
        self.app.show_page('Activities & groups')
        self.press_button('Add Activity')
        self.wait_frames(2, 'the activity dialog')
        self.field('Name of the activity', 'Taller de propuestas')
        self.field('Date of the activity', '2025-04-12')
        self.field('Place of the activity', 'Sede vecinal')
        self.press_button('Save')
        self.wait_frames(1, 'the activity dialog to close')
        self.check(self.query('SELECT name, kind, place FROM activity') ==
                   [('Taller de propuestas', 'workshop', 'Sede vecinal')],
                   'activities: Add Activity…, its fields and Save by keys')
        for name in ('Mesa 1', 'Mesa 2'):
            self.press_button('Add Group')
            self.wait_frames(2, 'the New Group dialog')
            app.type(name)
            app.keys('Return')
            self.wait_frames(1, 'the New Group dialog to close')
        self.check(sorted(r[0] for r in self.query('SELECT name FROM table_group')) == ['Mesa 1', 'Mesa 2'],
                   'activities: two groups added with Add Group… by keys')

    CONTRIBUTIONS = [
        ('Luminarias nuevas en la plaza central', False),
        ('Mas luz en las plazas y pasajes del barrio', False),
        ('Consejo vecinal de seguridad con reuniones mensuales', False),
        ('Presupuesto participativo anual por barrio', False),
        ('Portal de datos abiertos del municipio', True),
        ('Cuenta publica del alcalde en cada barrio', True),
    ]

    def capture(self):
        app = self.app
        self.app.show_page('Capture')
        # Tab from the sidebar reaches the activity first, then the group.
        app.keys('Tab')
        app.wait_focus('push button', 'Activity being captured')
        app.keys('Tab')
        app.wait_focus('push button', 'Group being captured')
        frames = len(app.frames())
        app.keys('Return')
        app.wait_focus('list item', 'Mesa 1')
        app.keys('Down')
        app.wait_focus('list item', 'Mesa 2')
        app.keys('Return')
        # Choosing where one captures means going to type there.
        app.refocus()
        app.wait_focus('text', 'Contribution text')
        group = find(app.frames()[0], lambda o: o.get_role_name() == 'push button' and
                     (o.get_name() or '').startswith('Group being captured'))
        chosen = group is not None and 'Mesa 2' in group.get_name() and len(app.frames()) == frames
        before = self.count('SELECT count(*) FROM contribution')
        for i, (text, municipal) in enumerate(self.CONTRIBUTIONS):
            app.type(text)
            if municipal:
                app.keys('alt+o')
            app.keys('Return')
            app.wait(lambda: self.count('SELECT count(*) FROM contribution') == before + i + 1,
                     'the contribution to be saved')
            app.wait_focus('text', 'Contribution text')
        rows = self.query('SELECT c.text, c.origin, g.name FROM contribution c '
                          'JOIN table_group g ON g.id = c.group_id ORDER BY c.id')
        self.check(chosen and rows == [(t, 'municipal' if m else 'community', 'Mesa 2')
                                             for t, m in self.CONTRIBUTIONS],
                   f'capture: Tab reaches activity and group, the group chosen by keys, six '
                   f'contributions typed and saved with Enter: {rows}')

    def row_to(self, name, move='Down', limit=30):
        """Moves the focus along a table with the arrows until its row names @name."""
        app = self.app
        for key in (move, 'Up' if move == 'Down' else 'ctrl+Up'):
            for _ in range(limit):
                f = app.focused()
                if f is not None and f.get_role_name() in ('table row', 'list item') and \
                        (f.get_name() or '').startswith(name):
                    return f
                before = f.get_name() if f is not None else None
                app.keys(key)
                f = app.focused()
                if f is not None and f.get_name() == before:
                    break  # the end of the table: back the other way
        app.fail(f'the arrows never reached the row “{name}”')

    PROPOSALS = [
        ('Plazas iluminadas', [0, 1]),
        ('Consejo de seguridad', [2]),
        ('Presupuesto participativo', [3]),
        ('Datos abiertos', [4]),
        ('Cuenta publica en los barrios', [5]),
    ]

    def merge(self):
        app = self.app
        self.app.show_page('Merge & tally')
        app.tab_to('table row', None)
        for title, texts in self.PROPOSALS:
            first = self.CONTRIBUTIONS[texts[0]][0]
            self.row_to(first)   # the arrows select the row they reach…
            app.keys('space')    # …and Tab does not: Space selects (and keeps selected)
            for more in texts[1:]:
                self.row_to(self.CONTRIBUTIONS[more][0], move='ctrl+Down')
                app.keys('space')  # Space adds the row with the focus to the selection
            frames = len(app.frames())
            app.keys('ctrl+shift+m')
            app.wait(lambda: len(app.frames()) > frames, 'the new proposal dialog')
            app.keys('ctrl+a')
            app.type(title)
            app.keys('Return')
            app.wait(lambda: len(app.frames()) == frames, 'the new proposal dialog to close')
            app.refocus()
            app.tab_to('table row', None)
        rows = self.query('SELECT p.title, group_concat(c.text, \' | \') FROM proposal p '
                          'JOIN contribution c ON c.proposal_id = p.id '
                          'WHERE p.merged_into_id IS NULL GROUP BY p.id ORDER BY p.id')
        want = [(title, ' | '.join(self.CONTRIBUTIONS[i][0] for i in texts))
                for title, texts in self.PROPOSALS]
        self.check(rows == want, f'merge: rows chosen with the arrows, Ctrl+arrows and Space, '
                   f'merged with Ctrl+Shift+M: {rows}')

        # Ctrl+Z with the focus in the header bar takes back the last merge.
        app.tab_to('push button', 'Main menu')
        unmerged = 'SELECT count(*) FROM contribution WHERE proposal_id IS NULL'
        app.keys('ctrl+z')
        app.wait(lambda: self.count(unmerged) == 1, 'Ctrl+Z in the header bar')
        app.keys('ctrl+shift+z')
        app.wait(lambda: self.count(unmerged) == 0, 'Ctrl+Shift+Z in the header bar')
        self.check(True, 'merge: Ctrl+Z and Ctrl+Shift+Z with the focus in the header bar')

    def row_button(self, row, button):
        """Moves with the arrows to the table row about @row and Tabs to its
        button named @button…; Tab into a table whose rows hold buttons
        lands on the first row's button, and the arrows go from row to row."""
        app = self.app

        def in_table(o):
            for _ in range(8):
                o = o.get_parent()
                if o is None:
                    return False
                if o.get_role_name() in ('table row', 'table cell'):
                    return True
            return False

        def here():
            f = app.focused()
            name = (f.get_name() or '') if f is not None else ''
            if f is not None and f.get_role_name() == 'push button' and in_table(f):
                return 'button', name
            if f is not None and f.get_role_name() == 'table row':
                return 'row', name
            return None, name

        for _ in range(40):
            if here()[0] is not None:
                break
            app.keys('Tab')
        else:
            app.fail(f'Tab never reached a row of the table with “{button}” buttons')
        for key in ('Down', 'Up'):
            for _ in range(30):
                kind, name = here()
                if row in name:
                    if kind == 'row':
                        app.keys('Tab')
                    app.wait_focus('push button', button)
                    return
                app.keys(key)
                if here()[1] == name:
                    break  # the end of the table: back the other way
        app.fail(f'the arrows never reached the row “{row}”')

    def answer_dialog(self, text, field=None):
        """Types @text into the open dialog (into @field, reached with Tab)
        and answers it with Enter; waits for it to close."""
        app = self.app
        frames = len(app.frames())
        app.wait(lambda: len(app.frames()) > 1, 'a dialog')
        if field is not None:
            app.tab_to('text', field)
        app.keys('ctrl+a')
        app.type(text)
        app.keys('Return')
        app.wait(lambda: len(app.frames()) < frames, 'the dialog to close after Enter')
        app.refocus()

    def shortlist(self):
        app = self.app
        self.app.show_page('Prioritise')
        for title, _ in self.PROPOSALS:
            self.row_button(title, 'Shortlist')
            app.keys('Return')
            self.answer_dialog('Prioridad alta en el taller', 'Reason')
        rows = self.query("SELECT p.title FROM decision d JOIN proposal p ON p.id = d.proposal_id "
                          "WHERE d.status = 'shortlisted' AND d.reason <> '' ORDER BY p.id")
        self.check([r[0] for r in rows] == [t for t, _ in self.PROPOSALS],
                   f'shortlist: each row\'s Shortlist button reached with arrows and Tab, '
                   f'the reason typed and Enter: {rows}')

    def score(self):
        app = self.app
        self.app.show_page('Viability')
        self.press_button('Add Evaluator')
        self.answer_dialog('Equipo municipal', 'Name')
        # The grid is one Tab stop: the arrows move, digits score.
        app.tab_to('push button', self.PROPOSALS[0][0])
        for row in range(len(self.PROPOSALS)):
            app.keys('Home')
            for column in range(5):
                app.keys(str(1 + (row + column) % 5))
                if column < 4:
                    app.keys('Right')
            app.keys('Down')
        n = 'SELECT count(*) FROM score'
        app.wait(lambda: self.count(n) == 25, 'the 25 scores')
        app.keys('Tab')
        f = app.focused()
        self.check(f is not None and not (f.get_role_name() == 'push button' and
                                          self.PROPOSALS[0][0][:10] in (f.get_name() or '')),
                   'score: one evaluator added and 25 scores typed with digits and arrows; '
                   'one Tab leaves the grid')

    def select(self):
        """Five selected, each with its reason: Decide… on each row, the
        decision chosen in the dialog's list by arrows, the reason, Enter."""
        app = self.app
        app.show_page('Selection')
        for title, _ in self.PROPOSALS:
            self.row_button(title, 'Decide')
            app.keys('Return')
            app.wait(lambda: len(app.frames()) > 1, 'the Decide dialog')
            app.tab_to('push button', 'Decision')
            app.keys('Return')
            app.wait_focus('list item', None)
            self.row_to('Selected')
            app.keys('Return')
            app.refocus_dialog()
            self.answer_dialog('Elegida por el taller y viable', 'Reason')
        rows = self.query("SELECT p.title, d.reason FROM decision d JOIN proposal p ON p.id = d.proposal_id "
                          "WHERE d.status = 'selected' ORDER BY p.id")
        self.check([r[0] for r in rows] == [t for t, _ in self.PROPOSALS] and
                   all(r[1] == 'Elegida por el taller y viable' for r in rows),
                   f'select: five proposals selected with their reasons by keys: {rows}')

    def commitment(self):
        """A commitment from a selected proposal (the + menu, arrows, Enter)
        and the problem it addresses typed in."""
        app = self.app
        app.show_page('Plan')
        for _ in range(40):
            f = app.focused()
            if f is not None and (f.get_name() or '').startswith('New Commitment from a Selected'):
                break
            app.keys('Tab')
        else:
            app.fail('Tab never reached the + button of the Plan page')
        app.keys('Return')
        app.wait_focus('menu item', self.PROPOSALS[0][0])  # the menu opens on the first proposal
        app.keys('Return')
        app.wait(lambda: self.count('SELECT count(*) FROM commitment') == 1, 'the new commitment')
        app.refocus()
        app.tab_to('text', 'The problem it addresses')
        app.type('Las plazas de Renca estan oscuras de noche')
        app.keys('Tab')
        app.wait(lambda: self.query('SELECT problem FROM commitment')[0][0] ==
                 'Las plazas de Renca estan oscuras de noche', 'the problem to be written')
        made = self.query('SELECT p.title FROM commitment c JOIN proposal p ON p.id = c.proposal_id')
        self.check(made == [(self.PROPOSALS[0][0],)],
                   f'commitment: made from a selected proposal with the + menu, its problem '
                   f'typed and written when Tab leaves the field: {made}')

    def export(self):
        """The draft plan's PDF: its Export button, the file chooser by keys."""
        app = self.app
        app.show_page('Export')
        self.press_button('Export Draft Plan (PDF)')
        pdf = os.path.join(app.dir, 'plan.pdf')
        self.save_in_chooser(pdf)
        app.wait(lambda: os.path.exists(pdf) and os.path.getsize(pdf) > 0, 'the PDF', timeout=30)
        time.sleep(1)
        text = subprocess.run(['pdftotext', '-q', pdf, '-'], capture_output=True, text=True).stdout
        self.check('Plazas iluminadas' in text and 'Las plazas de Renca estan oscuras de noche' in text,
                   'export: the draft plan PDF saved through the file chooser by keys, with the '
                   'commitment and its problem')


STAGES = ['create', 'activities', 'capture', 'merge', 'shortlist', 'score', 'select', 'commitment',
          'export']


def main():
    skip_without_display()
    # COCREA_WORKFLOW_FROM: a file kept after a stage, to run the next ones.
    flow = Workflow(os.environ.get('COCREA_WORKFLOW_FROM') or None)
    # COCREA_WORKFLOW_STAGES runs some stages only, while mending one.
    stages = os.environ.get('COCREA_WORKFLOW_STAGES', ','.join(STAGES)).split(',')
    for stage in stages:
        getattr(flow, stage)()
        flow.keep(stage)
    flow.app.screenshot('keyboard-workflow.png')
    flow.app.close()
    flow.app.remove()
    return 0


if __name__ == '__main__':
    sys.exit(main())
