"""Accessibility: the automated audit of every page (axe-core in Chromium, run by the test suite
or by ``flask --app portal accessibility audit``), its latest result kept in the instance folder,
and the public accessibility statement (RGAA 4.1 model) built from that result."""
