"""The directory of replicable meeting formats (café-échanges, cercle d'écoute…)."""
