#!/usr/bin/python3
# test-keyboard-capture.py — the facilitator's keys on the Capture and
# Merge & tally pages, pressed for real (XTEST) and checked in the file
#
# Issue 11's walkthrough defects: Alt+1…4 and Alt+O toggle and leave the
# focus in the text (they moved it onto the toggle, so the next Enter
# toggled back and nothing was saved); origin, axes and area start afresh
# after each save, as the page says; Enter in Area saves; Alt+Enter
# merges into the top suggestion (it made a new line); a dialog answered
# with Enter closes (a second Enter made a second, empty proposal).
#
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import sqlite3
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from atspi_harness import Atspi, App, find, skip_without_display  # noqa: E402


def last_contribution(app):
    with sqlite3.connect(f'file:{app.path}?mode=ro', uri=True) as db:
        return db.execute('SELECT id, text, origin, axes, area, proposal_id FROM contribution '
                          'ORDER BY id DESC LIMIT 1').fetchone()


def count(app, sql):
    with sqlite3.connect(f'file:{app.path}?mode=ro', uri=True) as db:
        return db.execute(sql).fetchone()[0]


def pressed(app, name):
    button = find(app.frames()[0], lambda o: o.get_role_name() in ('toggle button', 'push button')
                  and o.get_name() == name)
    if button is None:
        app.fail('no toggle button ' + name)
    states = button.get_state_set()
    return states.contains(Atspi.StateType.PRESSED) or states.contains(Atspi.StateType.CHECKED)


def check(app, ok, what):
    if not ok:
        app.fail(what)
    print('ok - ' + what)


def main():
    skip_without_display()
    app = App('keyboard-capture')
    before = count(app, 'SELECT count(*) FROM contribution')

    app.show_page('Capture')
    app.tab_to('text', 'Contribution text')
    app.type('Mas luminarias en la plaza')
    app.keys('alt+1', 'alt+o')
    app.wait_focus('text', 'Contribution text')
    check(app, pressed(app, '1 Transparency') and pressed(app, 'Municipal origin'),
          'Alt+1 and Alt+O toggle, and the focus stays in the text')
    app.screenshot('keyboard-capture-toggles.png')
    app.keys('Return')
    app.wait(lambda: count(app, 'SELECT count(*) FROM contribution') == before + 1, 'the save')
    row = last_contribution(app)
    check(app, row[1:5] == ('Mas luminarias en la plaza', 'municipal', 1, ''),
          f'Enter saved the text as municipal, with the transparency axis: {row}')
    check(app, not pressed(app, '1 Transparency') and not pressed(app, 'Municipal origin'),
          'after saving, origin and axes start afresh')
    app.wait_focus('text', 'Contribution text')

    # Enter in Area saves, with the area.
    app.type('Plazas con juegos inclusivos')
    app.keys('alt+r')
    app.wait_focus('text', 'Thematic area')
    app.type('Espacios publicos')
    app.keys('Return')
    app.wait(lambda: count(app, 'SELECT count(*) FROM contribution') == before + 2, 'Enter in Area')
    row = last_contribution(app)
    check(app, row[1] == 'Plazas con juegos inclusivos' and row[4] == 'Espacios publicos',
          'Enter in Area saves the contribution with its area')
    area = find(app.frames()[0], lambda o: o.get_role_name() == 'text' and
                o.get_name() == 'Thematic area')
    check(app, Atspi.Text.get_character_count(area) == 0, 'the area starts afresh too')

    # Alt+Enter merges what is typed into the top suggestion, no new line.
    app.tab_to('text', 'Contribution text')
    app.type('Presupuesto municipal publicado y facil de entender para todos')
    time.sleep(0.8)  # the suggestions follow the typing after a pause
    app.keys('alt+Return')
    app.wait(lambda: count(app, 'SELECT count(*) FROM contribution') == before + 3, 'Alt+Enter')
    app.wait(lambda: last_contribution(app)[5] is not None, 'the merge into the top suggestion')
    row = last_contribution(app)
    check(app, '\n' not in row[1] and row[5] is not None,
          f'Alt+Enter saves and merges into the top suggestion, without a new line: {row}')

    # Merge & tally: the new-proposal dialog answered with Enter closes.
    proposals = count(app, 'SELECT count(*) FROM proposal')
    frames = len(app.frames())
    app.show_page('Merge & tally')
    app.tab_to('table row', None)
    app.keys('Down')
    app.keys('ctrl+shift+m')
    app.wait(lambda: len(app.frames()) > frames, 'the new proposal dialog')
    app.keys('ctrl+a')
    app.type('Luminarias y plazas')
    app.keys('Return')
    app.wait(lambda: len(app.frames()) == frames, 'the dialog to close after Enter')
    app.keys('Return')
    time.sleep(0.5)
    check(app, count(app, 'SELECT count(*) FROM proposal') == proposals + 1,
          'Enter merged once and closed the dialog: a second Enter makes no second proposal')
    check(app, count(app, 'SELECT count(*) FROM proposal p WHERE NOT EXISTS '
                     '(SELECT 1 FROM contribution c WHERE c.proposal_id = p.id)') == 0,
          'no empty proposal is left in the tally')
    app.close()
    app.remove()
    return 0


if __name__ == '__main__':
    sys.exit(main())
