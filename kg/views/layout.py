"""Node positions computed in Python, so the browser can draw large views with physics off.

networkx's ``spring_layout`` needs SciPy above 500 nodes and ``forceatlas2_layout`` takes about
40 s on 5,000 nodes here; this Fruchterman-Reingold step is vectorised with numpy in row chunks
(bounded memory) and takes a few seconds at 5,000 nodes with a handful of iterations.
"""

from __future__ import annotations

import math

import networkx as nx
import numpy as np

#: rows of the pairwise-repulsion matrix computed at once (chunk x n x 2 floats)
_CHUNK = 400


def layout(
    graph: nx.Graph, iterations: int | None = None, seed: int = 0, scale: float = 1000.0
) -> dict:
    """Positions ``{node: (x, y)}`` in roughly ``[-scale, scale]``, deterministic for a seed.

    >>> pos = layout(nx.path_graph(3))
    >>> sorted(pos) == [0, 1, 2]
    True
    """
    nodes = list(graph.nodes)
    n = len(nodes)
    if n == 0:
        return {}
    if n == 1:
        return {nodes[0]: (0.0, 0.0)}
    if iterations is None:
        iterations = 50 if n <= 500 else 20 if n <= 2000 else 12
    index = {node: i for i, node in enumerate(nodes)}
    edges = np.array(
        [(index[u], index[v]) for u, v in graph.edges() if u != v], dtype=np.int64
    ).reshape(-1, 2)
    rng = np.random.default_rng(seed)
    pos = (rng.random((n, 2)) - 0.5).astype(np.float32)
    k = 1.0 / math.sqrt(n)
    temperature = 0.1
    cooling = temperature / (iterations + 1)
    for _ in range(iterations):
        disp = _repulsion(pos, k)
        if len(edges):
            delta = pos[edges[:, 0]] - pos[edges[:, 1]]
            dist = np.maximum(np.hypot(delta[:, 0], delta[:, 1]), 1e-4)
            pull = delta * (dist / k)[:, None]
            np.add.at(disp, edges[:, 0], -pull)
            np.add.at(disp, edges[:, 1], pull)
        # mild gravity keeps isolated nodes and small components from drifting to the edge
        disp -= pos * (0.1 * n * k)
        length = np.maximum(np.hypot(disp[:, 0], disp[:, 1]), 1e-9)
        pos += disp * (np.minimum(length, temperature) / length)[:, None]
        temperature -= cooling
    pos -= pos.mean(axis=0)
    extent = np.abs(pos).max() or 1.0
    pos *= scale / extent
    return {node: (float(pos[i, 0]), float(pos[i, 1])) for i, node in enumerate(nodes)}


def _repulsion(pos: np.ndarray, k: float) -> np.ndarray:
    disp = np.zeros_like(pos)
    k2 = k * k
    for start in range(0, len(pos), _CHUNK):
        block = pos[start : start + _CHUNK]
        delta = block[:, None, :] - pos[None, :, :]
        dist2 = np.maximum(np.einsum("ijk,ijk->ij", delta, delta), 1e-8)
        disp[start : start + _CHUNK] = np.einsum("ijk,ij->ik", delta, k2 / dist2)
    return disp
