"""Logistic regression by Newton's method, in pure Python: fits the link score's weights.

Small and deterministic: a few dozen features, a few thousand labelled pairs, no randomness
(the same pairs in the same order give the same weights to the last bit). Used by the fitting
script (`tui/core/linking/fit.py`) only; the runtime reads the weights it wrote.
"""

from __future__ import annotations

import math
from collections.abc import Sequence


def sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def fit(rows: Sequence[Sequence[float]], labels: Sequence[int], *, l2: float = 1.0,
        weights: Sequence[float] | None = None, iterations: int = 50) -> tuple[float, list[float]]:
    """(bias, weights) maximising the L2-penalised log-likelihood; the bias is not penalised.

    `weights` are per-row sample weights (e.g. to balance the classes); Newton steps with
    step halving until the penalised likelihood stops improving.
    """
    n = len(rows[0]) if rows else 0
    sample = list(weights) if weights is not None else [1.0] * len(rows)
    beta = [0.0] * (n + 1)  # beta[0]: bias
    xs = [[1.0, *map(float, r)] for r in rows]

    def objective(b: list[float]) -> float:
        total = 0.0
        for x, y, s in zip(xs, labels, sample, strict=True):
            z = sum(map(float.__mul__, b, x))
            total -= s * (_log1pexp(z) - y * z)
        return total - 0.5 * l2 * sum(v * v for v in b[1:])

    current = objective(beta)
    for _ in range(iterations):
        grad = [0.0] * (n + 1)
        hess = [[0.0] * (n + 1) for _ in range(n + 1)]
        for x, y, s in zip(xs, labels, sample, strict=True):
            p = sigmoid(sum(map(float.__mul__, beta, x)))
            g, h = s * (y - p), s * p * (1 - p)
            for i, xi in enumerate(x):
                if xi == 0.0:
                    continue
                grad[i] += g * xi
                row = hess[i]
                for j in range(i, n + 1):
                    row[j] += h * xi * x[j]
        for i in range(1, n + 1):
            grad[i] -= l2 * beta[i]
            hess[i][i] += l2
        for i in range(n + 1):
            for j in range(i):
                hess[i][j] = hess[j][i]
        step = _solve(hess, grad)
        scale = 1.0
        while scale > 1e-6:
            trial = [b + scale * d for b, d in zip(beta, step, strict=True)]
            value = objective(trial)
            if value >= current:
                break
            scale /= 2
        else:
            break
        gain = value - current
        beta, current = trial, value
        if gain < 1e-9:
            break
    return beta[0], beta[1:]


def _log1pexp(z: float) -> float:
    return z + math.log1p(math.exp(-z)) if z > 0 else math.log1p(math.exp(z))


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    """Solve a x = b by Gaussian elimination with partial pivoting (a is small, symmetric)."""
    n = len(b)
    m = [[*row, rhs] for row, rhs in zip(a, b, strict=True)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(m[r][col]))
        if abs(m[pivot][col]) < 1e-12:
            continue
        m[col], m[pivot] = m[pivot], m[col]
        for r in range(col + 1, n):
            f = m[r][col] / m[col][col]
            if f:
                for c in range(col, n + 1):
                    m[r][c] -= f * m[col][c]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        if abs(m[r][r]) < 1e-12:
            continue
        x[r] = (m[r][n] - sum(m[r][c] * x[c] for c in range(r + 1, n))) / m[r][r]
    return x
