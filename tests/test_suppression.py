"""Small cells: a figure built from fewer than K people or answers is never shown, and no hidden
figure can be recomputed from what the table shows (its totals included).

The proof is brute force: thousands of tables, and for each hidden entry, every equation the
table gives (each row and each column: total = sum of its cells) is checked to hold at least two
unknowns; then, stronger, the whole system of equations is solved exactly to check that no hidden
entry is determined by any combination of them."""
import random
from fractions import Fraction

import pytest
from dateutil.relativedelta import relativedelta

from portal import clock
from portal import demo as town
from portal.database import db
from portal.indicators import aggregates
from portal.indicators import demo as season
from portal.indicators.aggregates import PROTECTING, SMALL, suppress, with_totals

K = 5


def lines(table):
    """Each equation of a table with totals, as positions: its cells then its total, last."""
    rows, columns = len(table), len(table[0])
    return ([[(i, j) for j in range(columns)] for i in range(rows)]
            + [[(i, j) for i in range(rows)] for j in range(columns)])


def single_unknown_equations(hidden):
    """The equations (total − sum of the shown cells) left with exactly one hidden entry."""
    return [line for line in lines(hidden) if sum(hidden[i][j] is not None for i, j in line) == 1]


def determined(table, hidden):
    """The hidden entries whose value follows from the shown ones, by any combination of the
    table's equations. Exact Gaussian elimination over fractions: once reduced, an unknown is
    determined when its row holds nothing but itself (no free unknown can move it)."""
    unknowns = [(i, j) for i, row in enumerate(hidden) for j, state in enumerate(row) if state is not None]
    index = {position: n for n, position in enumerate(unknowns)}
    equations = []
    for line in lines(table):
        coefficients = [Fraction(0)] * len(unknowns)
        for position in line[:-1]:
            if position in index:
                coefficients[index[position]] += 1
        if line[-1] in index:
            coefficients[index[line[-1]]] -= 1
        equations.append(coefficients)
    return [unknowns[column] for column, row in _reduced(equations) if sum(1 for a in row if a) == 1]


def _reduced(rows):
    """[(pivot column, row)] of the reduced row echelon form of ``rows``."""
    rows = [list(row) for row in rows]
    pivots = []
    for column in range(len(rows[0]) if rows else 0):
        pivot = next((r for r in range(len(pivots), len(rows)) if rows[r][column]), None)
        if pivot is None:
            continue
        top = len(pivots)
        rows[top], rows[pivot] = rows[pivot], rows[top]
        for r in range(len(rows)):
            if r != top and rows[r][column]:
                factor = rows[r][column] / rows[top][column]
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[top])]
        pivots.append(column)
    return [(column, rows[n]) for n, column in enumerate(pivots)]


def assert_protected(table, hidden, k=K):
    for i, row in enumerate(table):
        for j, value in enumerate(row):
            if value is None:
                assert hidden[i][j] is None  # a known zero protects nothing
            elif value < k:
                assert hidden[i][j] == SMALL  # totals too
    assert single_unknown_equations(hidden) == []
    assert determined(table, hidden) == []


def random_table(rng, empty_share):
    rows, columns = rng.randint(1, 5), rng.randint(1, 6)
    inner = [[None if rng.random() < empty_share else rng.choice((rng.randint(0, 6), rng.randint(0, 40)))
              for _column in range(columns)] for _row in range(rows)]
    return with_totals(inner, columns)


@pytest.mark.parametrize("empty_share", [0, 0.15, 0.5])
def test_no_hidden_cell_can_be_recomputed_in_thousands_of_tables(empty_share):
    rng = random.Random(f"passerelle-{empty_share}")
    for _attempt in range(1500):
        table = random_table(rng, empty_share)
        assert_protected(table, suppress(table, K))


def test_a_row_with_one_small_cell_hides_its_smallest_neighbour_and_a_column_follows():
    table = with_totals([[3, 20, 30],
                         [12, 15, 40],
                         [25, 9, 50]], 3)
    hidden = suppress(table, K)
    assert hidden[0][0] == SMALL
    # Row 0: 20 is the smallest shown; column 0: 12; then row 1 and column 1 each have one
    # hidden entry left alone, so 15 (the smallest cell of both) closes the square.
    assert {(i, j) for i, row in enumerate(hidden) for j, state in enumerate(row) if state} == {
        (0, 0), (0, 1), (1, 0), (1, 1)}
    assert all(hidden[i][j] == PROTECTING for i, j in ((0, 1), (1, 0), (1, 1)))
    assert_protected(table, hidden)


def test_totals_under_k_are_hidden_and_the_grand_total_can_stay():
    table = with_totals([[1, 2], [30, 40]], 2)  # the first row's total is 3
    hidden = suppress(table, K)
    assert hidden[0][2] == SMALL
    assert hidden[2][2] is None  # 73 people: shown
    assert_protected(table, hidden)


def test_a_cell_joining_two_hidden_groups_gets_a_cycle_of_its_own():
    """Lines with two hidden entries each are not enough: two hidden squares joined by a single
    hidden cell give that cell away once the equations of one square are added up."""
    table = with_totals([[3, 20, None, 60],
                         [20, 20, None, None],
                         [None, None, 20, 20],
                         [None, None, 20, 20]], 4)
    squares_and_bridge = {(0, 0), (0, 1), (1, 0), (1, 1), (2, 2), (2, 3), (3, 2), (3, 3), (0, 3)}
    hidden = [[PROTECTING if (i, j) in squares_and_bridge else None for j in range(5)] for i in range(5)]
    assert single_unknown_equations(hidden) == []  # every line has two hidden entries or none…
    assert determined(table, hidden) == [(0, 3)]  # …yet the bridge follows from the others
    assert_protected(table, suppress(table, K))


def test_suppression_is_stable():
    rng = random.Random("stable")
    for _attempt in range(200):
        table = random_table(rng, 0.2)
        hidden = suppress(table, K)
        assert suppress(table, K) == hidden
        # What it hides is enough: hiding nothing more gives the same answer.
        assert single_unknown_equations(hidden) == []


def test_nothing_recorded_is_never_hidden_nor_used_to_protect():
    table = with_totals([[3, None], [None, 50]], 2)
    hidden = suppress(table, K)
    assert hidden[0][1] is None and hidden[1][0] is None
    assert_protected(table, hidden)


def test_the_demo_season_is_protected_in_every_view(app):
    town.load_demo()
    season.load()
    db.session.commit()
    shown = hidden = 0
    for dimension in aggregates.DIMENSIONS:
        for period in aggregates.PERIODS:
            filters = aggregates.Filters(clock.today() - relativedelta(months=18), clock.today(), period, dimension)
            for figure in aggregates.dashboard(filters, K):
                values = [[cell.value for cell in row] for row in figure.cells]
                states = [[cell.hidden for cell in row] for row in figure.cells]
                assert single_unknown_equations(states) == []
                assert determined(values, states) == []
                shown += sum(cell.shown for row in figure.cells for cell in row)
                hidden += sum(cell.hidden is not None for row in figure.cells for cell in row)
    assert shown and hidden  # the demo shows both
